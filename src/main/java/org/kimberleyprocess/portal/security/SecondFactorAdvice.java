package org.kimberleyprocess.portal.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the layout when a sign-in still lacks its second factor: it then shows no navigation,
 * since every page but the code step would only send the person back to it.
 */
@ControllerAdvice
class SecondFactorAdvice {

	@ModelAttribute("secondFactorPending")
	boolean secondFactorPending() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return SecondFactorRequirement.pending(authentication);
	}

}
