/** Sign-in, the sign-in throttle, session checks and the HTTP security rules. */
package org.kimberleyprocess.portal.security;
