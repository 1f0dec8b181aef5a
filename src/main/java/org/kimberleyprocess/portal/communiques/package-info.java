/**
 * Communiqués: the adopted outcome of a Plenary or Intersessional meeting, published by the
 * Chair's office for anyone to read, cite and download (page, PDF, Atom feed), with corrigenda
 * as later revisions.
 */
package org.kimberleyprocess.portal.communiques;
