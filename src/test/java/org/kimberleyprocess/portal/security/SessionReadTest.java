package org.kimberleyprocess.portal.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every signed-in page reads its session: one statement, with no transaction around it, while
 * what changes a session is still written in a transaction of its own.
 */
@PortalTest
class SessionReadTest {

	@Autowired
	MinuteSessionRepository sessions;

	@Test
	void aSessionIsReadInOneStatementWithoutATransactionAndWrittenInOne() {
		Session created = this.sessions.createSession();
		created.setAttribute("probe", "written");
		SqlStatementCounter.reset();
		this.sessions.save(created);
		assertThat(SqlStatementCounter.commits()).as("transactions committed to write the session").isEqualTo(1);

		SqlStatementCounter.reset();
		Session read = this.sessions.findById(created.getId());
		assertThat(read).isNotNull();
		assertThat((String) read.getAttribute("probe")).isEqualTo("written");
		assertThat(SqlStatementCounter.count()).as("statements to read the session").isEqualTo(1);
		assertThat(SqlStatementCounter.commits()).as("transactions to read the session").isZero();

		read.setAttribute("probe", "changed");
		SqlStatementCounter.reset();
		this.sessions.save(read);
		assertThat(SqlStatementCounter.commits()).as("transactions committed to change the session").isEqualTo(1);
		assertThat((String) this.sessions.findById(created.getId()).getAttribute("probe")).isEqualTo("changed");

		this.sessions.deleteById(created.getId());
		assertThat(this.sessions.findById(created.getId())).isNull();
	}

}
