package org.kimberleyprocess.portal;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		ApplicationModules.of(PortalApplication.class).verify();
	}

}
