package org.kimberleyprocess.portal.security;

import java.io.Serial;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import org.kimberleyprocess.portal.directory.PortalUser;

/** The code a signed-in person typed at the second step, before it is checked. */
final class SecondFactorCode extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final PortalUser user;

	private final String code;

	SecondFactorCode(PortalUser user, String code) {
		super(List.of());
		this.user = user;
		this.code = code;
	}

	@Override
	public Object getCredentials() {
		return this.code;
	}

	@Override
	public PortalUser getPrincipal() {
		return this.user;
	}

	@Override
	public String getName() {
		return this.user.getUsername();
	}

}
