/** How a named misconception reads in the reports (kept apart from the detector, which loads the compiler). */
import type { Naming } from '../checks/outcome';
import { ANOTHER_QUANTITY, ANOTHER_QUANTITY_ENTRY } from './another-quantity';
import type { Misconception } from './detect';

/** The catalogue's title, then what was observed, then the usual causes. */
export function describeNamings(namings: Naming[], catalogue: Misconception[]): { id: string; title: string; explanation: string }[] {
  return namings.map((naming) => {
    const entry = naming.id === ANOTHER_QUANTITY ? ANOTHER_QUANTITY_ENTRY : catalogue.find((c) => c.id === naming.id);
    return { id: naming.id, title: entry?.title ?? naming.id, explanation: [naming.observed, entry?.explanation].filter(Boolean).join(' ') };
  });
}
