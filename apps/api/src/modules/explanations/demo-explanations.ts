import type { ReadContext } from '../../lib/read-context.ts';
import { demoChefs, hasDemoExplanations } from './explanations.repository.ts';
import { missingExplanations, responsibleUnits, setActionDone, writeExplanation } from './explanations.service.ts';

// The demo's explanations: its chef explains some red figures of the newest month in their
// forvaltning, with actions (one done, one overdue, one open), and leaves the rest missing.

const STORIES = [
  {
    text: 'Flere langtidssygemeldinger end normalt efter en travl periode med mange nye borgere.',
    action: 'Fraværssamtaler med alle langtidssygemeldte og aflastning fra en vikarpulje.',
    actionOwner: 'Afdelingslederen',
    dueInDays: 45,
    expectedEffect: 'Tilbage under målet inden for tre måneder.',
    done: false,
  },
  {
    text: 'Udgifterne ligger højt, fordi to dyre anbringelser kom til i foråret.',
    action: 'Gennemgang af anbringelserne med visitationen og en plan for hjemgivelse.',
    actionOwner: 'Chefen for familieafdelingen',
    dueInDays: -10,
    expectedEffect: 'Forbruget følger budgettet fra næste kvartal.',
    done: false,
  },
  {
    text: 'Sagsbehandlingen blev forsinket af et nyt it-system, som nu er på plads.',
    action: 'Ekstra sagsbehandlertimer i to måneder til at indhente puklen.',
    actionOwner: 'Teamlederen',
    dueInDays: -30,
    expectedEffect: 'Alle sager inden for fristen igen.',
    done: true,
  },
];

/** Writes the demo's explanations once, into a demo store that has none; returns how many. */
export async function ensureDemoExplanations(ctx: ReadContext, today = new Date()): Promise<number> {
  if (await hasDemoExplanations(ctx.db, ctx.municipality)) return 0;
  let written = 0;
  for (const chef of await demoChefs(ctx.db, ctx.municipality)) {
    const units = await responsibleUnits(ctx, chef.orgIds);
    const { period, items } = await missingExplanations(ctx, { visible: units, period: null });
    if (period === null) continue;
    // the forvaltning's own red figures first, then its afdelinger's; the rest stay "Mangler forklaring"
    const red = items
      .filter((i) => i.status === 'red')
      .sort((a, b) => Number(!chef.orgIds.includes(a.orgId)) - Number(!chef.orgIds.includes(b.orgId)));
    for (const [index, story] of STORIES.entries()) {
      const item = red[index];
      if (!item) break;
      const key = { kpiId: item.kpiId, orgId: item.orgId, period };
      const { done, dueInDays, ...content } = story;
      const by = { name: chef.username, at: today, fromDemo: true };
      await writeExplanation(ctx, key, { ...content, actionDue: daysFrom(today, dueInDays) }, by);
      if (done) await setActionDone(ctx, key, true, by);
      written++;
    }
  }
  return written;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const daysFrom = (today: Date, days: number) => new Date(today.getTime() + days * DAY_MS).toISOString().slice(0, 10);
