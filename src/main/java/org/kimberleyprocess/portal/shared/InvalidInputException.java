package org.kimberleyprocess.portal.shared;

/**
 * Input that passed the form's own checks but breaks a rule only the service can see (a
 * duplicate code, a role that does not fit). Controllers put it on the named field, so the
 * form comes back with the person's input and a clear message.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	private final String messageCode;

	private final transient Object[] arguments;

	public InvalidInputException(String field, String messageCode, Object... arguments) {
		super(messageCode);
		this.field = field;
		this.messageCode = messageCode;
		this.arguments = arguments;
	}

	public String field() {
		return this.field;
	}

	public String messageCode() {
		return this.messageCode;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
