/**
 * Fills the portal with twenty years of realistic activity for benchmarks (profile
 * {@code generate}, together with {@code demo}): accounts, documents with their versions and
 * discussion, consensus rounds, meetings, review visits, inboxes and the audit trail that goes
 * with them. It writes in bulk but keeps every invariant the modules keep, using their public
 * pieces where one exists (the Markdown renderer, the audit chain, publication of communiqués).
 */
package org.kimberleyprocess.portal.generator;
