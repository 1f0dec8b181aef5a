/**
 * Consensus: rounds on one exact version of a document, each Participant's position, written
 * procedures where silence is assent, and the immutable record of every adoption.
 */
package org.kimberleyprocess.portal.consensus;
