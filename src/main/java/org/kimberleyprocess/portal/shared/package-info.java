/**
 * Cross-cutting pieces every feature uses: the clock, localisation, error answers and the
 * web layer's common configuration.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.kimberleyprocess.portal.shared;
