package org.kimberleyprocess.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import org.kimberleyprocess.portal.directory.ObserverCategory;
import org.kimberleyprocess.portal.directory.OrganisationKind;
import org.kimberleyprocess.portal.directory.ParticipantStatus;
import org.kimberleyprocess.portal.directory.Role;
import org.kimberleyprocess.portal.directory.Standing;

import static org.assertj.core.api.Assertions.assertThat;

/** English and French stay complete, and templates carry no prose of their own. */
class MessageBundlesTest {

	private static final Path TEMPLATES = Path.of("templates");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");

	private static final Set<String> PROSE_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "value",
			"content", "label");

	@Test
	void everyKeyExistsInEnglishAndInFrench() throws IOException {
		Properties english = load("messages.properties");
		Properties french = load("messages_fr.properties");
		assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		for (String key : english.stringPropertyNames()) {
			assertThat(english.getProperty(key)).as(key).isNotBlank();
			assertThat(french.getProperty(key)).as(key).isNotBlank();
		}
	}

	@Test
	void noKeyIsDefinedTwice() throws IOException {
		for (String name : new String[] { "messages.properties", "messages_fr.properties" }) {
			Set<String> seen = new TreeSet<>();
			Set<String> twice = new TreeSet<>();
			try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					int equals = line.indexOf('=');
					if (equals > 0 && !line.startsWith("#") && !seen.add(line.substring(0, equals).strip())) {
						twice.add(line.substring(0, equals).strip());
					}
				}
			}
			assertThat(twice).as(name).isEmpty();
		}
	}

	@Test
	void everyKeyTheTemplatesNameExists() throws IOException {
		Properties english = load("messages.properties");
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!english.containsKey(matcher.group(1))) {
					missing.add(template + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyLabelledValueHasItsLabel() throws IOException {
		Properties english = load("messages.properties");
		List<String> keys = new ArrayList<>();
		Stream.of(Role.values()).forEach((value) -> keys.add("role." + value));
		Stream.of(OrganisationKind.values()).forEach((value) -> keys.add("organisation.kind." + value));
		Stream.of(ParticipantStatus.values()).forEach((value) -> keys.add("organisation.status." + value));
		Stream.of(ObserverCategory.values()).forEach((value) -> keys.add("organisation.category." + value));
		Stream.of(Standing.values()).forEach((value) -> keys.add("standing." + value));
		assertThat(english.stringPropertyNames()).containsAll(keys);
	}

	@Test
	void templatesContainNoHardCodedProse() throws IOException {
		List<String> prose = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : document.getAllElements()) {
				for (TextNode text : element.textNodes()) {
					if (LETTER.matcher(text.text()).find() && !element.nameIs("script") && !element.nameIs("style")) {
						prose.add(template + ": <" + element.tagName() + "> " + text.text().strip());
					}
				}
				for (Attribute attribute : element.attributes()) {
					if (PROSE_ATTRIBUTES.contains(attribute.getKey()) && LETTER.matcher(attribute.getValue()).find()
							&& !isMachineValue(element, attribute)) {
						prose.add(template + ": " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
					}
				}
			}
		}
		assertThat(prose).isEmpty();
	}

	/** Option and checkbox values are data, not prose. */
	private static boolean isMachineValue(Element element, Attribute attribute) {
		return attribute.getKey().equals("value") && (element.nameIs("option") || element.nameIs("input"))
				|| attribute.getKey().equals("content") && element.nameIs("meta");
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			List<Path> templates = files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
			assertThat(templates).isNotEmpty();
			return templates;
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
