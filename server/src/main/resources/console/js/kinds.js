// The kinds of notification the node sends, in words. A kind added later shows by its name until it is listed here.
export const KINDS = {
  MATCH_HIT: 'Hit on your entry',
  PROBE_SUSPECTED: 'Probe of your entry suspected',
  ENTRY_CONFIRMED: 'Entry confirmed',
  ENTRY_DISPUTED: 'Entry disputed',
  DECONFLICTION: 'Deconfliction alert',
  ENTRY_WITHDRAWN_FROM_CASE: 'Case entry withdrawn',
  ENTRY_DISPUTED_IN_CASE: 'Case entry disputed',
  REPORT_ROUTED: 'Report routed to you',
  USER_LOCKED: 'User locked out',
  CREDENTIAL_ISSUED_BY_NODE: 'Credential issued by the node',
  JURISDICTIONS_REQUESTED: 'Jurisdictions requested',
  JURISDICTIONS_DECIDED: 'Jurisdictions decided',
};

export function kindLabel(kind) {
  return KINDS[kind] || kind;
}
