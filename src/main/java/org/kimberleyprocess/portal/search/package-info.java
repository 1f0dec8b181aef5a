/**
 * Search across everything the reader may see: documents (title and current text), comments,
 * communiqués, review visits and meetings, each filtered by the rule of the module that owns it.
 */
package org.kimberleyprocess.portal.search;
