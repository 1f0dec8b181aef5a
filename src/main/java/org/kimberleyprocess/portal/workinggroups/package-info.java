/** The pages of the working groups and committees: mandate, chair, members, documents, open rounds. */
package org.kimberleyprocess.portal.workinggroups;
