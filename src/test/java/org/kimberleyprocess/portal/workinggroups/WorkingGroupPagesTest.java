package org.kimberleyprocess.portal.workinggroups;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class WorkingGroupPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aGroupPageShowsMandateChairMembersAndTheDocumentsTheReaderMaySee() throws Exception {
		this.mvc.perform(get("/working-groups").session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Working Group on Monitoring"),
					containsString("Committee on Participation and Chairmanship"))));
		this.mvc.perform(get("/working-groups/wgm").session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Runs the peer review system"),
					containsString("(Pieter Janssens)"), containsString("World Diamond Council"),
					containsString("Monitoring of exports from the compliant zones"),
					containsString("draft schedule of review visits"))));
		this.mvc.perform(get("/working-groups/wgm").session(SignIn.as(this.mvc, "wdc")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("draft schedule of review visits"),
					not(containsString("Monitoring of exports from the compliant zones")))));
		this.mvc.perform(get("/working-groups/wgm").session(SignIn.as(this.mvc, "hod-cf")))
			.andExpect(content().string(not(containsString("draft schedule of review visits"))));
	}

	@Test
	void anUnknownGroupIsNotFoundAndGroupsNeedSigningIn() throws Exception {
		this.mvc.perform(get("/working-groups/nothing").session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/working-groups/wgm")).andExpect(status().is3xxRedirection());
	}

}
