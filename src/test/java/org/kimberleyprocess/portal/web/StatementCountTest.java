package org.kimberleyprocess.portal.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page costs the same number of SQL statements however much it shows. The budgets count the
 * statement that reads the session, which the database keeps so that every node shares it.
 */
@PortalTest
class StatementCountTest {

	@Autowired
	MockMvc mvc;

	@Test
	void anOrganisationPageCostsTheSameForOneCountryAsForTwentyEight() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "hod-bw");
		long ghana = statementsFor("/organisations/gh", session);
		long europeanUnion = statementsFor("/organisations/eu", session);
		assertThat(europeanUnion).isEqualTo(ghana).isLessThanOrEqualTo(8);
	}

	@Test
	void thePeopleListCostsTheSameForOneRowAsForAFullPage() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "chair");
		long one = statementsFor("/admin/users?q=kagiso", session);
		long firstPage = statementsFor("/admin/users", session);
		long secondPage = statementsFor("/admin/users?page=1", session);
		assertThat(secondPage).isEqualTo(firstPage).isLessThanOrEqualTo(8);
		assertThat(one).isLessThanOrEqualTo(firstPage);
	}

	/**
	 * The home page gathers what awaits the person from every module, so what it reads depends on
	 * their roles (a guest owes no statistics, the Chair's office has communiqués to publish); for
	 * each it stays within the one budget {@link PageBudgetTest} holds it to as the data grows.
	 */
	@Test
	void theHomePageStaysWithinItsBudgetForEveryKindOfReader() throws Exception {
		for (String username : new String[] { "hod-bw", "hod-eu", "delegate-bw", "chair", "wgm", "wdc", "guest-gga",
				"hod-ga", "admin" }) {
			assertThat(statementsFor("/home", SignIn.as(this.mvc, username))).as("statements of %s's home page", username)
				.isLessThanOrEqualTo(PageBudgetTest.HOME_BUDGET);
		}
	}

	/**
	 * The page as every visit but the first costs it: the first page a session shows after signing
	 * in also stores the session's new CSRF token, which Spring Security makes when a page first
	 * needs one.
	 */
	private long statementsFor(String url, MockHttpSession session) throws Exception {
		this.mvc.perform(get(url).session(session)).andExpect(status().isOk());
		SqlStatementCounter.reset();
		this.mvc.perform(get(url).session(session)).andExpect(status().isOk());
		return SqlStatementCounter.count();
	}

}
