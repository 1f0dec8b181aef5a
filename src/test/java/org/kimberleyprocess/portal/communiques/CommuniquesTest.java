package org.kimberleyprocess.portal.communiques;

import java.time.Duration;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.kimberleyprocess.portal.PortalTest;
import org.kimberleyprocess.portal.SignIn;
import org.kimberleyprocess.portal.SqlStatementCounter;
import org.kimberleyprocess.portal.consensus.ConsensusService;
import org.kimberleyprocess.portal.consensus.RoundKind;
import org.kimberleyprocess.portal.directory.AccountDirectory;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.directory.Readers;
import org.kimberleyprocess.portal.documents.Confidentiality;
import org.kimberleyprocess.portal.documents.DocumentForms.NewDocument;
import org.kimberleyprocess.portal.documents.Drafting;
import org.kimberleyprocess.portal.documents.DocumentLifecycle;
import org.kimberleyprocess.portal.documents.DocumentType;
import org.kimberleyprocess.portal.meetings.Meeting;
import org.kimberleyprocess.portal.meetings.MeetingService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalTest
class CommuniquesTest {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Drafting drafting;
	@Autowired
	DocumentLifecycle lifecycle;

	@Autowired
	ConsensusService consensus;

	@Autowired
	MeetingService meetings;

	@Autowired
	Readers readers;

	@Autowired
	AccountDirectory accounts;

	@Test
	void anAdoptedCommuniqueIsPublishedForAnyoneAndBringsTheMeetingsDecisionsIntoEffect() throws Exception {
		Reader chair = this.readers.of(this.accounts.findForSignIn("chair").orElseThrow());
		long meeting = this.meetings.create(chair, Meeting.Kind.PLENARY,
				new org.kimberleyprocess.portal.shared.Localized("Plenary meeting 2017", null), null,
				new org.kimberleyprocess.portal.shared.Localized("Perth", null),
				LocalDate.of(2017, 12, 11), LocalDate.of(2017, 12, 14));
		long decision = adopted(chair, DocumentType.ADMINISTRATIVE_DECISION,
				"# Administrative Decision on the terms of reference of the review\n\n1. Decides.\n");
		long communique = adopted(chair, DocumentType.COMMUNIQUE,
				"# Kimberley Process Plenary, Perth, 11–14 December 2017: Final Communiqué\n\n1. The Plenary met in Perth.\n");
		this.meetings.addItem(chair, meeting, "Review of the scheme", decision);
		this.meetings.addItem(chair, meeting, "Final Communiqué", communique);
		MockHttpSession session = SignIn.as(this.mvc, "chair");

		this.mvc.perform(get("/communiques").session(session))
			.andExpect(content().string(allOf(containsString("Adopted, awaiting publication"),
					containsString("/communiques/publish?document=" + communique))));
		this.mvc.perform(get("/communiques/publish").param("document", String.valueOf(communique)).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"perth-plenary\""),
					containsString("<option value=\"" + meeting + "\" selected=\"selected\""))));
		this.mvc.perform(post("/communiques/publish").session(SignIn.as(this.mvc, "hod-bw"))
			.with(csrf())
			.param("document", String.valueOf(communique))
			.param("meeting", String.valueOf(meeting))
			.param("slug", "perth-plenary")).andExpect(status().isForbidden());
		this.mvc.perform(post("/communiques/publish").session(session)
			.with(csrf())
			.param("document", String.valueOf(communique))
			.param("meeting", String.valueOf(meeting))
			.param("slug", "Perth Plenary!"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Use lower-case letters, digits and single hyphens"),
					containsString("value=\"Perth Plenary!\""))));
		// The first submit shows what publishing will do and publishes nothing; the second publishes.
		this.mvc.perform(post("/communiques/publish").session(session)
			.with(csrf())
			.param("document", String.valueOf(communique))
			.param("meeting", String.valueOf(meeting))
			.param("slug", "perth-plenary"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Publish this communiqué?"),
					containsString("/communiques/2017-perth-plenary"), containsString("cannot be withdrawn"),
					containsString("name=\"confirmed\" value=\"true\""))));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM communique WHERE slug = '2017-perth-plenary'",
				Integer.class)).isZero();
		this.mvc.perform(post("/communiques/publish").session(session)
			.with(csrf())
			.param("document", String.valueOf(communique))
			.param("meeting", String.valueOf(meeting))
			.param("slug", "perth-plenary")
			.param("confirmed", "true"))
			.andExpect(redirectedUrl("/communiques/2017-perth-plenary"));
		this.mvc.perform(post("/communiques/publish").session(session)
			.with(csrf())
			.param("document", String.valueOf(communique))
			.param("meeting", String.valueOf(meeting))
			.param("slug", "perth-again"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("already published, at /communiques/2017-perth-plenary")));

		String official = this.jdbc.queryForObject("SELECT official_number FROM document WHERE id = ?", String.class,
				communique);
		String hash = this.jdbc.queryForObject(
				"SELECT v.sha256 FROM document_version v JOIN document d ON d.id = v.document_id AND v.number = d.current_version WHERE d.id = ?",
				String.class, communique);
		this.mvc.perform(get("/communiques/2017-perth-plenary"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Final Communiqué</h1>"), containsString(official),
					containsString(hash), containsString("Plenary meeting 2017"))));
		this.mvc.perform(get("/communiques")).andExpect(content().string(allOf(
				containsString("href=\"/communiques/2017-perth-plenary\""), not(containsString("awaiting publication")))));

		this.mvc.perform(get("/documents/{id}", decision).session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(content().string(allOf(containsString("In effect since"),
					containsString("href=\"/communiques/2017-perth-plenary\""))));
		this.mvc.perform(get("/meetings/{id}", meeting).session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(content().string(containsString("href=\"/communiques/2017-perth-plenary\"")));

		// A decision of the meeting adopted after the communiqué was published takes effect on adoption.
		NewDocument late = new NewDocument();
		late.setType(DocumentType.ADMINISTRATIVE_DECISION);
		late.setBody("PLENARY");
		late.setYear(2017);
		late.setConfidentiality(Confidentiality.PLENARY);
		late.setTitle("Administrative Decision adopted after the communiqué");
		late.setText("# Administrative Decision adopted after the communiqué\n\n1. Decides later.\n");
		late.setCoEditors(Set.of());
		long lateDecision = this.drafting.create(chair, late);
		this.lifecycle.circulate(chair, lateDecision);
		this.meetings.addItem(chair, meeting, "A decision taken by written procedure", lateDecision);
		this.mvc.perform(get("/documents/{id}", lateDecision).session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(content().string(not(containsString("In effect since"))));
		long lateRound = this.consensus.open(chair, lateDecision, RoundKind.MEETING, null, null);
		this.consensus.closeMeeting(chair, lateDecision, lateRound);
		// The decision takes effect with the published communiqué once the adoption has committed.
		MockHttpSession botswana = SignIn.as(this.mvc, "hod-bw");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.mvc.perform(get("/documents/{id}", lateDecision).session(botswana))
				.andExpect(content().string(allOf(containsString("In effect since"),
						containsString("href=\"/communiques/2017-perth-plenary\"")))));

		byte[] pdf = this.mvc.perform(get("/communiques/2017-perth-plenary.pdf"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Kimberley Process Plenary, Perth, 11–14 December 2017: Final Communiqué")
				.contains(hash)
				.contains(official)
				.contains("Record of adoption");
			String lastPage = pdfPage(document, document.getNumberOfPages());
			assertThat(lastPage).contains(hash).contains("Record of adoption")
				.contains("http://localhost:8080/communiques/2017-perth-plenary");
			if (new java.io.File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").canRead()) {
				assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged PDF").isNotNull();
				assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
			}
		}

		// A corrigendum: a note is required, the text must change, and both revisions stay readable.
		String text = this.jdbc.queryForObject("SELECT markdown FROM communique_revision r JOIN communique c ON c.id = r.communique_id WHERE c.slug = '2017-perth-plenary'", String.class);
		this.mvc.perform(post("/communiques/2017-perth-plenary/corrigendum").session(session)
			.with(csrf())
			.param("baseRevision", "1")
			.param("text", text.replace("met in Perth", "met in Perth, Australia"))
			.param("note", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Say what the corrigendum corrects."),
					containsString("met in Perth, Australia"))));
		this.mvc.perform(post("/communiques/2017-perth-plenary/corrigendum").session(session)
			.with(csrf())
			.param("baseRevision", "1")
			.param("text", text)
			.param("note", "Nothing"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The corrected text is the same as the published text")));
		// The first submit shows what changes and publishes nothing; "change" goes back to the form with
		// what was typed; the confirmation's own submit publishes.
		this.mvc.perform(post("/communiques/2017-perth-plenary/corrigendum").session(session)
			.with(csrf())
			.param("baseRevision", "1")
			.param("text", text.replace("met in Perth", "met in Perth, Australia"))
			.param("note", "Paragraph 1 names the host country."))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Publish this corrigendum?"),
					containsString("<ins>, Australia</ins>"), containsString("Paragraph 1 names the host country."),
					containsString("name=\"confirmed\" value=\"true\""))));
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM communique_revision r JOIN communique c ON c.id = r.communique_id
				WHERE c.slug = '2017-perth-plenary'""", Integer.class)).isEqualTo(1);
		this.mvc.perform(post("/communiques/2017-perth-plenary/corrigendum").session(session)
			.with(csrf())
			.param("baseRevision", "1")
			.param("text", text.replace("met in Perth", "met in Perth, Australia"))
			.param("note", "Paragraph 1 names the host country.")
			.param("change", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<textarea"), containsString("met in Perth, Australia"),
					containsString("Paragraph 1 names the host country."),
					org.hamcrest.Matchers.not(containsString("Publish this corrigendum?")))));
		this.mvc.perform(post("/communiques/2017-perth-plenary/corrigendum").session(session)
			.with(csrf())
			.param("baseRevision", "1")
			.param("text", text.replace("met in Perth", "met in Perth, Australia"))
			.param("note", "Paragraph 1 names the host country.")
			.param("confirmed", "true"))
			.andExpect(redirectedUrl("/communiques/2017-perth-plenary"));
		this.mvc.perform(post("/communiques/2017-perth-plenary/corrigendum").session(session)
			.with(csrf())
			.param("baseRevision", "1")
			.param("text", text.replace("met in Perth", "met at Perth"))
			.param("note", "A late correction."))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Another corrigendum (revision 2) was published")));
		this.mvc.perform(get("/communiques/2017-perth-plenary"))
			.andExpect(content().string(allOf(containsString("Paragraph 1 names the host country."),
					containsString("<ins>, Australia</ins>"), containsString("met in Perth, Australia"))));
		this.mvc.perform(get("/communiques/2017-perth-plenary/revisions/1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("This is revision 1; it has been corrected since"),
					containsString("The Plenary met in Perth.</li>"))));
		this.mvc.perform(get("/communiques/2017-perth-plenary/revisions/1.pdf"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));
		this.mvc.perform(get("/communiques/2017-perth-plenary/revisions/3")).andExpect(status().isNotFound());

		// A corrigendum's text is sanitised like any version: raw HTML and script links do not survive.
		this.mvc.perform(post("/communiques/2017-perth-plenary/corrigendum").session(session)
			.with(csrf())
			.param("baseRevision", "2")
			.param("text", text.replace("met in Perth", "met in Perth, Australia")
					+ "\n<script>alert('corrigendum')</script>\n\n2. See [the annex](javascript:alert(1)).\n")
			.param("note", "Adds paragraph 2.")
			.param("confirmed", "true"))
			.andExpect(redirectedUrl("/communiques/2017-perth-plenary"));
		this.mvc.perform(get("/communiques/2017-perth-plenary"))
			.andExpect(content().string(allOf(containsString("See the annex."), not(containsString("<script>alert")),
					not(containsString("href=\"javascript")))));
	}

	@Test
	void publishingIsRefusedClearlyForWhatCannotBePublished() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "chair");
		long underConsensus = documentId("Kimberley Process Plenary, Dubai, 13–17 November 2016: Final Communiqué");
		long intersessional = this.jdbc.queryForObject("SELECT id FROM meeting WHERE title = 'Intersessional meeting 2016'",
				Long.class);
		this.mvc.perform(post("/communiques/publish").session(session)
			.with(csrf())
			.param("document", String.valueOf(underConsensus))
			.param("meeting", String.valueOf(intersessional))
			.param("slug", "dubai-plenary"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Only an adopted communiqué can be published")));
		long valuation = documentId("Decision on a consistent methodology for the valuation of rough diamonds");
		this.mvc.perform(post("/communiques/publish").session(session)
			.with(csrf())
			.param("document", String.valueOf(valuation))
			.param("meeting", String.valueOf(intersessional))
			.param("slug", "valuation"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Only a communiqué is published here.")));

		Reader chair = this.readers.of(this.accounts.findForSignIn("chair").orElseThrow());
		long second = adopted(chair, DocumentType.COMMUNIQUE,
				"# Kimberley Process Intersessional meeting, Dubai, June 2016: Addendum\n\n1. An addendum.\n");
		this.mvc.perform(post("/communiques/publish").session(session)
			.with(csrf())
			.param("document", String.valueOf(second))
			.param("meeting", String.valueOf(intersessional))
			.param("slug", "dubai-intersessional"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Another communiqué is published at /communiques/2016-dubai-intersessional"),
					containsString("value=\"dubai-intersessional\""))));
		this.mvc.perform(post("/communiques/publish").session(session)
			.with(csrf())
			.param("document", String.valueOf(second))
			.param("meeting", "")
			.param("slug", "dubai-addendum"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose the meeting.")));
		this.mvc.perform(post("/communiques/publish").session(session)
			.with(csrf())
			.param("document", "99999999")
			.param("meeting", String.valueOf(intersessional))
			.param("slug", "nothing")).andExpect(status().isNotFound());
		this.mvc.perform(post("/communiques/publish").session(session)
			.with(csrf())
			.param("document", "not-a-number")
			.param("slug", "nothing")).andExpect(status().is4xxClientError());
	}

	@Test
	void aCorrigendumKeepsTheEarlierRevisionReadableAndShowsWhatChanged() throws Exception {
		this.mvc.perform(get("/communiques/2015-luanda-plenary"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Corrigendum 1"),
					containsString("Paragraph 5: names the office Australia takes up"),
					containsString("<ins>of the Kimberley Process </ins>"))));
		this.mvc.perform(get("/communiques/2015-luanda-plenary/revisions/1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("This is revision 1"),
					containsString("to become Chair on 1 January 2017"))));
		this.mvc.perform(get("/communiques").param("year", "2015"))
			.andExpect(content().string(allOf(containsString("Plenary meeting 2015"),
					not(containsString("Intersessional meeting 2016")))));
		this.mvc.perform(get("/communiques").param("q", "valuation forum"))
			.andExpect(content().string(allOf(containsString("Intersessional meeting 2016"),
					not(containsString("Plenary meeting 2015")))));
		long decision = documentId("Administrative Decision on the selection of the Vice-Chair for 2016");
		this.mvc.perform(get("/documents/{id}", decision).session(SignIn.as(this.mvc, "csc")))
			.andExpect(content().string(allOf(containsString("In effect since 25 November 2015"),
					containsString("href=\"/communiques/2015-luanda-plenary\""))));
	}

	@Test
	void theFeedIsAtomWithAnEntryPerPublishedRevision() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/communiques/feed.atom"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/atom+xml")))
			.andReturn()
			.getResponse();
		String xml = response.getContentAsString();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		org.w3c.dom.Document feed = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
		Element root = feed.getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
		assertThat(root.getLocalName()).isEqualTo("feed");
		// RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author when an entry lacks one.
		for (String required : Set.of("id", "title", "updated", "author")) {
			assertThat(children(root, required)).as(required).isEqualTo(1);
		}
		NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
		assertThat(entries.getLength()).isGreaterThanOrEqualTo(3);
		for (int i = 0; i < entries.getLength(); i++) {
			Element entry = (Element) entries.item(i);
			for (String required : Set.of("id", "title", "updated")) {
				assertThat(children(entry, required)).as(required).isEqualTo(1);
			}
			assertThat(entry.getElementsByTagNameNS(ATOM, "link").getLength()).isGreaterThanOrEqualTo(1);
		}
		Feed parsed = (Feed) new WireFeedInput().build(new StringReader(xml));
		assertThat(parsed.getEntries()).extracting((entry) -> entry.getTitle())
			.contains("Kimberley Process Plenary, Luanda, 16–19 November 2015: Final Communiqué (corrigendum 1)",
					"Kimberley Process Intersessional meeting, Dubai, 6–9 June 2016: Communiqué");
		assertThat(parsed.getEntries().get(0).getAlternateLinks().get(0).getHref())
			.startsWith("http://localhost/communiques/");
	}

	@Test
	void publicPagesAnswerARepeatedRequestWith304() throws Exception {
		for (String url : new String[] { "/communiques/2016-dubai-intersessional", "/communiques",
				"/communiques/2016-dubai-intersessional.pdf", "/communiques/feed.atom", "/participants", "/",
				"/chairs" }) {
			MockHttpServletResponse first = this.mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse();
			String etag = first.getHeader("ETag");
			assertThat(etag).as(url).isNotBlank();
			assertThat(first.getHeader("Cache-Control")).as(url).isEqualTo("no-cache");
			this.mvc.perform(get(url).header("If-None-Match", etag))
				.andExpect(status().isNotModified())
				.andExpect(content().string(""));
		}
		assertThat(this.mvc.perform(get("/communiques/2016-dubai-intersessional"))
			.andReturn()
			.getResponse()
			.getHeader("Last-Modified")).isNotBlank();
		this.mvc.perform(get("/communiques/2016-dubai-intersessional").header("If-None-Match", "\"stale\""))
			.andExpect(status().isOk());
		this.mvc.perform(get("/communiques/2016-dubai-intersessional").session(SignIn.as(this.mvc, "hod-bw")))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	@Test
	void anonymousReadersSeeOnlyWhatIsPublic() throws Exception {
		long publicNote = this.jdbc.queryForObject(
				"SELECT id FROM document WHERE confidentiality = 'PUBLIC' AND status <> 'DRAFT' ORDER BY id LIMIT 1", Long.class);
		long plenary = documentId("Kimberley Process Plenary, Dubai, 13–17 November 2016: Final Communiqué");
		this.mvc.perform(get("/documents"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/documents/" + publicNote + "\""),
					not(containsString("href=\"/documents/" + plenary + "\"")))));
		this.mvc.perform(get("/documents/{id}", publicNote))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("name=\"text\""))));
		this.mvc.perform(get("/documents/{id}", plenary)).andExpect(status().isNotFound());
		this.mvc.perform(get("/documents/{id}/versions/1", plenary)).andExpect(status().isNotFound());
		this.mvc.perform(get("/documents/{id}/consensus", publicNote)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/documents/new")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/communiques/publish").param("document", String.valueOf(plenary)))
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/communiques/2016-dubai-intersessional/corrigendum"))
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/communiques/2099-nowhere")).andExpect(status().isNotFound());
		this.mvc.perform(get("/communiques/2099-nowhere.pdf")).andExpect(status().isNotFound());
		this.mvc.perform(get("/communiques/2016-dubai-intersessional/revisions/9.pdf")).andExpect(status().isNotFound());
		this.mvc.perform(get("/communiques/not a slug")).andExpect(status().isNotFound());
		this.mvc.perform(get("/"))
			.andExpect(content().string(allOf(containsString("United Arab Emirates"), containsString("Australia"),
					containsString("href=\"/communiques/2016-dubai-intersessional\""))));
		this.mvc.perform(get("/participants"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("European Union"), containsString("Suspended"),
					containsString("World Diamond Council"))));
	}

	@Test
	void publicPagesCostTheSameWhateverTheyShow() throws Exception {
		long luanda = statementsFor("/communiques/2015-luanda-plenary");
		long intersessional = statementsFor("/communiques/2016-dubai-intersessional");
		assertThat(luanda).isEqualTo(intersessional).isLessThanOrEqualTo(4);
		long all = statementsFor("/communiques");
		long oneYear = statementsFor("/communiques?year=2015");
		assertThat(all).isEqualTo(oneYear).isLessThanOrEqualTo(5);
		assertThat(statementsFor("/participants")).isLessThanOrEqualTo(3);
		assertThat(statementsFor("/")).isLessThanOrEqualTo(8);
	}

	private long statementsFor(String url) throws Exception {
		SqlStatementCounter.reset();
		this.mvc.perform(get(url)).andExpect(status().isOk());
		return SqlStatementCounter.count();
	}

	private long adopted(Reader chair, DocumentType type, String text) {
		NewDocument form = new NewDocument();
		form.setType(type);
		form.setBody("PLENARY");
		form.setYear(2017);
		form.setConfidentiality(Confidentiality.PLENARY);
		form.setText(text);
		form.setTitle(text.lines().findFirst().orElseThrow().substring(2));
		form.setCoEditors(Set.of());
		long id = this.drafting.create(chair, form);
		this.lifecycle.circulate(chair, id);
		long round = this.consensus.open(chair, id, RoundKind.MEETING, null, null);
		this.consensus.closeMeeting(chair, id, round);
		return id;
	}

	private long documentId(String title) {
		return this.jdbc.queryForObject("SELECT id FROM document WHERE title = ?", Long.class, title);
	}

	private static String pdfPage(PDDocument document, int page) throws java.io.IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document).replaceAll("\\s+", " ");
	}

	private static int children(Element parent, String name) {
		int count = 0;
		for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && ATOM.equals(element.getNamespaceURI())
					&& name.equals(element.getLocalName())) {
				count++;
			}
		}
		return count;
	}

}
