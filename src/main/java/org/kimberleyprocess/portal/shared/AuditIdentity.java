package org.kimberleyprocess.portal.shared;

/** How a signed-in person is named in the audit trail: who, and for which organisation. */
public interface AuditIdentity {

	String auditName();

	String auditOrganisation();

}
