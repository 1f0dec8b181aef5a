package org.kimberleyprocess.portal.shared;

/** Published when a request is refused for want of the right: the audit trail keeps it. */
public record AccessRefused(String method, String path) {
}
