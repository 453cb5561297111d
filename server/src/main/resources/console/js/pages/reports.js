// Reports: coming (their API is being built).
import { coming } from './coming.js';

export async function render() {
  return coming('Reports', 'Hotline reports (URLs and content hashes, routed to the organisation that holds the jurisdiction, tracked from notice to removal)');
}
