// Cases: coming (their API is being built).
import { coming } from './coming.js';

export async function render() {
  return coming('Cases', 'Cases and series, with deconfliction alerts when two organisations\u2019 cases touch the same hash or series,');
}
