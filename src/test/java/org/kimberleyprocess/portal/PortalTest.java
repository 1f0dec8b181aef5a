package org.kimberleyprocess.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole portal with its demo data, on MariaDB (embedded, or the server named by
 * SPRING_DATASOURCE_URL), driven through the real web layer. Every test class uses this one
 * configuration so they share a single application context. Sessions are the portal's own, in
 * the database; {@link MockMvcSessions} lets a test hold one as a {@code MockHttpSession}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
		// Tests drive the mail queue, the digest, the reminders, the closing of due rounds and the
		// office switch themselves, at the times they set: a scheduled run while one test has moved
		// the clock would act on the demo's rounds behind the others' backs.
		"portal.mail.send-interval=PT24H", "portal.mail.digest-cron=-", "portal.notifications.reminder-check=PT24H",
		"portal.consensus.deadline-check=PT24H", "portal.chairs.switch-check=PT24H",
		"portal.annual-reports.reminder-check=PT24H" })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import({ SqlStatementCounter.class, MockMvcSessions.class })
public @interface PortalTest {

}
