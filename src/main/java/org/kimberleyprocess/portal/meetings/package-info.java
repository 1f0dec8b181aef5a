/** Meetings of the Plenary, the Intersessional and working groups, and their agendas. */
package org.kimberleyprocess.portal.meetings;
