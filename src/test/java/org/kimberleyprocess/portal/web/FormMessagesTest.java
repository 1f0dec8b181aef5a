package org.kimberleyprocess.portal.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem a form can report names its field: for each constraint on each field of the
 * portal's forms, both bundles hold a message for that constraint and field (for example
 * {@code Size.reason} or {@code NotBlank.form.title}), not only the generic "Enter a value.",
 * so an error summary never lists a problem without saying where it is.
 */
class FormMessagesTest {

	private static final Set<String> CONSTRAINTS = Set.of("NotBlank", "NotNull", "NotEmpty", "Size", "Min", "Max",
			"Pattern", "Email", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax", "Digits");

	@Test
	void everyConstrainedFieldHasAMessageThatNamesItInBothLanguages() throws Exception {
		List<String> constrained = constrainedFields();
		assertThat(constrained).as("the forms' constrained fields").hasSizeGreaterThan(50);
		for (String bundle : List.of("messages.properties", "messages_fr.properties")) {
			Properties messages = load(bundle);
			List<String> unnamed = new ArrayList<>();
			for (String entry : constrained) {
				String constraint = entry.substring(0, entry.indexOf('.'));
				String field = entry.substring(entry.indexOf('.') + 1);
				boolean named = messages.stringPropertyNames()
					.stream()
					.anyMatch((key) -> key.equals(constraint + "." + field)
							|| (key.startsWith(constraint + ".") && key.endsWith("." + field)));
				if (!named) {
					unnamed.add(entry);
				}
			}
			assertThat(unnamed).as("constraints with only the generic message in %s", bundle).isEmpty();
		}
	}

	/** {@code Constraint.field} for every constrained field of every class of the portal. */
	private static List<String> constrainedFields() throws IOException, ClassNotFoundException {
		List<String> found = new ArrayList<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
		for (Resource resource : resolver.getResources("classpath*:org/kimberleyprocess/portal/**/*.class")) {
			String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
			if (name.contains("Test") || name.contains("$$")) {
				continue;
			}
			Class<?> type = Class.forName(name, false, FormMessagesTest.class.getClassLoader());
			for (Field field : type.getDeclaredFields()) {
				for (Annotation annotation : field.getAnnotations()) {
					String constraint = annotation.annotationType().getSimpleName();
					if (annotation.annotationType().getPackageName().equals("jakarta.validation.constraints")
							&& CONSTRAINTS.contains(constraint)) {
						found.add(constraint + "." + field.getName());
					}
				}
			}
		}
		return found;
	}

	private static Properties load(String bundle) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(bundle).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
