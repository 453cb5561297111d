/**
 * Hotline reports, as INHOPE hotlines run them: a report of a URL and/or content hashes (never content) is
 * received, assessed by the reporting organisation (its hashes matched against the banks as that organisation
 * may see them), routed to the organisations holding the hosting country's jurisdiction, and tracked through
 * notice, removal and confirmed removal, with time-to-removal statistics. Only the reporting organisation and
 * the organisations a report was routed to read it; to anyone else it does not exist.
 */
package io.vgtx.core.report;
