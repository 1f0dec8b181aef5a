package org.kimberleyprocess.portal.shared;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Bean Validation as the forms report it: the problems in the order the form's fields are
 * declared (which is the order its page shows them), rows of a list in their order, and one
 * problem per field, the first, so the error summary names each field once and in the form's
 * order rather than in the validator's arbitrary one.
 */
@Configuration(proxyBeanMethods = false)
class FormOrderValidator {

	@Bean
	static LocalValidatorFactoryBean defaultValidator() {
		return new InFormOrder();
	}

	static final class InFormOrder extends LocalValidatorFactoryBean {

		private static final Pattern STEP = Pattern.compile("([^.\\[]+)(?:\\[(\\d+)])?");

		@Override
		protected void processConstraintViolations(Set<ConstraintViolation<Object>> violations, Errors errors) {
			List<ConstraintViolation<Object>> ordered = new ArrayList<>(violations);
			ordered.sort(Comparator.comparing((ConstraintViolation<Object> violation) -> rank(violation),
					InFormOrder::compare));
			Set<String> seen = new HashSet<>();
			Set<ConstraintViolation<Object>> first = new LinkedHashSet<>();
			for (ConstraintViolation<Object> violation : ordered) {
				if (seen.add(violation.getPropertyPath().toString())) {
					first.add(violation);
				}
			}
			super.processConstraintViolations(first, errors);
		}

		/** Each step of the property's path as the position of its field in its class, then its index. */
		private static List<Integer> rank(ConstraintViolation<Object> violation) {
			List<Integer> rank = new ArrayList<>();
			Class<?> type = violation.getRootBeanClass();
			Matcher step = STEP.matcher(violation.getPropertyPath().toString());
			while (step.find() && type != null) {
				Field field = field(type, step.group(1));
				rank.add(field == null ? Integer.MAX_VALUE : position(field));
				rank.add(step.group(2) == null ? -1 : Integer.parseInt(step.group(2)));
				type = (field == null) ? null : elementType(field);
			}
			return rank;
		}

		private static int compare(List<Integer> left, List<Integer> right) {
			for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
				int order = Integer.compare(left.get(i), right.get(i));
				if (order != 0) {
					return order;
				}
			}
			return Integer.compare(left.size(), right.size());
		}

		private static Field field(Class<?> type, String name) {
			for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
				for (Field field : current.getDeclaredFields()) {
					if (field.getName().equals(name)) {
						return field;
					}
				}
			}
			return null;
		}

		private static int position(Field field) {
			Field[] fields = field.getDeclaringClass().getDeclaredFields();
			for (int i = 0; i < fields.length; i++) {
				if (fields[i].equals(field)) {
					return i;
				}
			}
			return Integer.MAX_VALUE;
		}

		/** The class a list field holds, or the field's own class. */
		private static Class<?> elementType(Field field) {
			if (java.util.Collection.class.isAssignableFrom(field.getType())
					&& field.getGenericType() instanceof java.lang.reflect.ParameterizedType parameterized
					&& parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
				return element;
			}
			return field.getType();
		}

	}

}
