/**
 * The tamper-evident audit trail: every change of state, sign-in, failed sign-in and refused
 * request appended with who, for which organisation, what, on what, when, from where, in a hash
 * chain that {@code /audit/verify} recomputes. Nothing updates or deletes an entry.
 */
package org.kimberleyprocess.portal.audit;
