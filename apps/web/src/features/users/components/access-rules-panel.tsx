import { hasUnits, ROLE_NAMES, roleCan } from '@lis/contracts';
import { ErrorMessage, Loading } from '../../../components/ui/query-state';
import { MISSING } from '../../../lib/format';
import { useOrgTree } from '../../../lib/org-units';
import { useAccessRules, useRemoveAccessRule } from '../api/users-api';
import { unitNames } from '../lib/user-words';
import { AccessRuleForm } from './access-rule-form';

/** Which groups (claim values) of the municipality's login give which role: read at every sign-in through it. */
export function AccessRulesPanel() {
  const rules = useAccessRules();
  const remove = useRemoveAccessRule();
  const tree = useOrgTree().data;
  const confirmRemove = (id: number, value: string) => {
    if (window.confirm(`Slet reglen for “${value}”? Personer, den gav adgang, mister den ved deres næste login.`))
      remove.mutate(id);
  };
  return (
    <section className="panel" aria-labelledby="rules-title">
      <h2 id="rules-title">Adgangsregler for kommunens login</h2>
      <p className="panel__note">
        Når en person logger ind med kommunens login, læser LIS personens grupper (eller en anden claim) og giver rollen fra de
        regler, der passer. Passer flere, gælder den stærkeste rolle; en chef får enhederne fra alle sine chefregler. Passer
        ingen, får personen ingen adgang.
      </p>
      {remove.isError && <ErrorMessage error={remove.error} />}
      {rules.isPending && <Loading label="Henter adgangsregler …" />}
      {rules.isError && <ErrorMessage error={rules.error} onRetry={() => rules.refetch()} />}
      {rules.isSuccess &&
        (rules.data.length === 0 ? (
          <p data-testid="rules-empty">Der er ingen regler endnu, så ingen kan logge ind med kommunens login.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table users-table" data-testid="rules-table">
              <thead>
                <tr>
                  <th scope="col">Claim</th>
                  <th scope="col">Værdi</th>
                  <th scope="col">Rolle</th>
                  <th scope="col">Enheder</th>
                  <th scope="col">Note</th>
                  <th scope="col">
                    <span className="visually-hidden">Handling</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rules.data.map((rule) => (
                  <tr key={rule.id} data-testid={`rule-${rule.id}`}>
                    <td data-label="Claim">{rule.claim}</td>
                    <th scope="row" data-label="Værdi" className="users-table__name">
                      {rule.value}
                    </th>
                    <td data-label="Rolle">{ROLE_NAMES[rule.role]}</td>
                    <td data-label="Enheder">
                      {hasUnits(rule.role)
                        ? unitNames(tree, rule.orgIds)
                        : roleCan(rule.role, 'kpi:read')
                          ? 'Hele kommunen'
                          : MISSING}
                    </td>
                    <td data-label="Note">{rule.note ?? ''}</td>
                    <td className="users-table__actions-cell">
                      <div className="users-table__actions">
                        <button
                          type="button"
                          className="button button--small"
                          disabled={remove.isPending}
                          onClick={() => confirmRemove(rule.id, rule.value)}
                        >
                          Slet
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <AccessRuleForm />
    </section>
  );
}
