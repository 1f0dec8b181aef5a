/**
 * Demo data that goes through the portal's own services (profile {@code demo} only), so the
 * demo shows exactly what the engine produces. The directory's demo data is in Flyway
 * migrations under {@code db/demo}.
 */
package org.kimberleyprocess.portal.demo;
