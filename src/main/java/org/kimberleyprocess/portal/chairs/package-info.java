/**
 * The chair rotation: each year's Chair and Vice-Chair, the derived chair of the Committee on
 * Participation and Chairmanship, and the office terms that give the Chair's office its rights.
 */
package org.kimberleyprocess.portal.chairs;
