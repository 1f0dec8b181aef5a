package org.kimberleyprocess.portal.shared;

import org.springframework.validation.BindingResult;

/** Puts a service's refusal on the form, next to the field it concerns. */
public final class Forms {

	private Forms() {
	}

	public static void reject(BindingResult result, InvalidInputException ex) {
		if (ex.field() == null) {
			result.reject(ex.messageCode(), ex.arguments(), null);
		}
		else {
			result.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), null);
		}
	}

}
