/**
 * Who is who: organisations (Participants, Observers, guests, the secretariat), the countries
 * they represent, people's accounts and roles, and working groups with their members.
 */
package org.kimberleyprocess.portal.directory;
