/**
 * A kommune with two forvaltninger for scope tests: a chef of F1 reads their subtree (A1, E1, E2)
 * plus the kommune's totals; F2 (E3, E4) is a sibling.
 */
export const TWO_FORVALTNINGER = `org_id;parent_id;name;level
K;;Testkommune;kommune
F1;K;Forvaltning 1;forvaltning
A1;F1;Afdeling 1;afdeling
E1;A1;Enhed 1;enhed
E2;A1;Enhed 2;enhed
F2;K;Forvaltning 2;forvaltning
E3;F2;Enhed 3;enhed
E4;F2;Enhed 4;enhed
`;
