/** The public welcome page and each signed-in person's home page. */
package org.kimberleyprocess.portal.home;
