package org.kimberleyprocess.portal.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.PersistenceException;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.directory.DirectoryQueries.OrganisationRef;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;
import org.kimberleyprocess.portal.statistics.ReturnFigures.Problem;
import org.kimberleyprocess.portal.statistics.StatisticsReturns.ReturnPage;

/**
 * A delegation's statistics returns: what it owes each year, each return with its versions, and
 * submitting one by the form or by a CSV file. The Working Group on Statistics and the Chair's
 * office read every Participant's.
 */
@Controller
class ReturnsController {

	static final String YEAR = "/statistics/returns/{code:[a-z0-9-]{1,40}}/{year:[0-9]{4}}";

	static final String RETURN = YEAR + "/{kind:production|trade}/{period:[1-4]}";

	private final StatisticsReturns returns;

	ReturnsController(StatisticsReturns returns) {
		this.returns = returns;
	}

	/** The list of rows grows no further than the form's limit: a tampered index beyond it is a bad request. */
	@InitBinder("form")
	void limitRows(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(ReturnForm.MAX_ROWS);
		binder.setAllowedFields("source", "basedOn", "nothingToReport", "rows[*].flow", "rows[*].partner",
				"rows[*].carats", "rows[*].value", "rows[*].certificates", "rows[*].confirmed");
	}

	/**
	 * One's own delegation's returns of this year; the group's members and the Chair's office
	 * whose organisation files none (an Observer) choose a Participant.
	 */
	@GetMapping("/statistics/returns")
	String index(Reader reader, @RequestParam(required = false) String participant,
			@RequestParam(required = false) Integer year, Model model) {
		int shown = year == null ? this.returns.currentYear() : year;
		this.returns.requireKnownYear(shown);
		List<OrganisationRef> seen = this.returns.participantsSeenBy(reader);
		if (participant != null && !participant.isBlank()) {
			return "redirect:/statistics/returns/" + this.returns.participant(reader, participant).code() + "/" + shown;
		}
		if (seen.isEmpty()) {
			throw new AccessDeniedException("Delegations read their own returns; the group reads all");
		}
		// A delegation starts from its own returns (the group's members choose others there).
		for (OrganisationRef own : seen) {
			if (seen.size() == 1 || own.id() == reader.organisationId()) {
				return "redirect:/statistics/returns/" + own.code() + "/" + shown;
			}
		}
		model.addAttribute("participants", seen);
		model.addAttribute("year", shown);
		return "statistics/returns-index";
	}

	@GetMapping(YEAR)
	String year(Reader reader, @PathVariable String code, @PathVariable int year, Model model) {
		model.addAttribute("overview", this.returns.overview(reader, code, year));
		model.addAttribute("choices", this.returns.participantsSeenBy(reader));
		model.addAttribute("currentYear", this.returns.currentYear());
		return "statistics/returns";
	}

	@GetMapping(RETURN)
	String show(Reader reader, @PathVariable String code, @PathVariable int year, @PathVariable String kind,
			@PathVariable int period, Model model) {
		ReturnPage page = this.returns.page(reader, code, year, kind(kind), period);
		return render(page, this.returns.form(page), model);
	}

	@GetMapping(RETURN + "/versions/{number:\\d{1,6}}")
	String version(Reader reader, @PathVariable String code, @PathVariable int year, @PathVariable String kind,
			@PathVariable int period, @PathVariable int number, Model model) {
		model.addAttribute("version", this.returns.version(reader, code, year, kind(kind), period, number));
		return "statistics/return-version";
	}

	/** A version's figures in the layout of the upload, to be edited and uploaded again. */
	@GetMapping(RETURN + "/versions/{number:\\d{1,6}}.csv")
	ResponseEntity<String> versionCsv(Reader reader, @PathVariable String code, @PathVariable int year,
			@PathVariable String kind, @PathVariable int period, @PathVariable int number) throws IOException {
		StatisticsReturns.VersionPage version = this.returns.version(reader, code, year, kind(kind), period, number);
		String filename = "kp-statistics-" + code + "-" + year + "-" + kind + "-" + period + "-v" + number + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(ReturnCsv.write(kind(kind), version.lines()));
	}

	/** The figures typed on the form; "more rows" gives the form back with blank rows added, saving nothing. */
	@PostMapping(RETURN)
	String submit(Reader reader, @PathVariable String code, @PathVariable int year, @PathVariable String kind,
			@PathVariable int period, @ModelAttribute("form") ReturnForm form, BindingResult result,
			@RequestParam(required = false) String more, Model model, RedirectAttributes redirect) {
		ReturnKind returnKind = kind(kind);
		ReturnPage page = this.returns.page(reader, code, year, returnKind, period);
		requireSubmitter(page);
		String refused = refusal(page, redirect);
		if (refused != null) {
			return refused;
		}
		if (more != null && returnKind == ReturnKind.TRADE) {
			form.padWith(ReturnForm.MORE_ROWS);
			return render(page, form, model);
		}
		ReturnFigures.Result checked = ReturnFigures.check(returnKind, form.getRows(),
				this.returns.partners(), page.participant().id());
		for (Problem problem : checked.problems()) {
			reject(result, returnKind, problem);
		}
		if (returnKind == ReturnKind.TRADE && checked.valid()) {
			if (checked.lines().isEmpty() && !form.isNothingToReport()) {
				result.rejectValue("nothingToReport", "statistics.return.empty");
			}
			else if (!checked.lines().isEmpty() && form.isNothingToReport()) {
				result.rejectValue("nothingToReport", "statistics.return.nothingButLines");
			}
		}
		if (!result.hasErrors()) {
			for (Problem problem : this.returns.unusual(page.participant().id(), returnKind, year, period,
					checked.lines())) {
				reject(result, returnKind, problem);
			}
		}
		if (!result.hasErrors()) {
			String saved = save(reader, page, form.getBasedOn(), form.source(), checked, result);
			if (saved != null) {
				Flash.success(redirect, "statistics.returns.saved", saved);
				return "redirect:" + address(page);
			}
		}
		if (returnKind == ReturnKind.TRADE && form.getRows().stream().allMatch(ReturnForm.Row::isBlank)) {
			form.padWith(ReturnForm.BLANK_ROWS);
		}
		return render(page, form, model);
	}

	/**
	 * A CSV file of the return's figures: saved whole when every line is right, otherwise not at
	 * all, with each problem named by line and column. Figures that are right but unusual come
	 * back on the form, to be confirmed there.
	 */
	@PostMapping(RETURN + "/csv")
	String upload(Reader reader, @PathVariable String code, @PathVariable int year, @PathVariable String kind,
			@PathVariable int period, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "0") int basedOn, Model model, RedirectAttributes redirect) throws IOException {
		ReturnKind returnKind = kind(kind);
		ReturnPage page = this.returns.page(reader, code, year, returnKind, period);
		requireSubmitter(page);
		String refused = refusal(page, redirect);
		if (refused != null) {
			return refused;
		}
		BindingResult upload = new BeanPropertyBindingResult(new Upload(basedOn), "upload");
		if (file == null || file.isEmpty()) {
			upload.reject("statistics.csv.noFile");
			return render(page, this.returns.form(page), upload, model);
		}
		ReturnCsv.Read read;
		try (InputStream in = file.getInputStream()) {
			read = ReturnCsv.read(returnKind, in);
		}
		for (Problem problem : read.problems()) {
			upload.reject(problem.code(), problem.arguments(), null);
		}
		ReturnFigures.Result checked = ReturnFigures.check(returnKind, read.rows(),
				this.returns.partners(), page.participant().id());
		for (Problem problem : checked.problems()) {
			upload.reject("statistics.csv.lineProblem", new Object[] { read.lines().get(problem.row()),
					ReturnCsv.column(problem.field()), new DefaultMessageSourceResolvable(new String[] { problem.code() },
							problem.arguments()) },
					null);
		}
		if (!upload.hasErrors() && returnKind == ReturnKind.PRODUCTION && read.rows().size() != 1) {
			upload.reject("statistics.csv.productionLines", new Object[] { read.rows().size() }, null);
		}
		if (upload.hasErrors()) {
			return render(page, this.returns.form(page), upload, model);
		}
		List<Problem> unusual = this.returns.unusual(page.participant().id(), returnKind, year, period,
				checked.lines());
		if (!unusual.isEmpty()) {
			ReturnForm form = new ReturnForm();
			form.setSource(ReturnVersion.Source.CSV.name());
			form.setBasedOn(basedOn);
			form.setRows(new java.util.ArrayList<>(read.rows()));
			form.setNothingToReport(read.rows().isEmpty());
			BindingResult result = new BeanPropertyBindingResult(form, "form");
			for (Problem problem : unusual) {
				reject(result, returnKind, problem);
			}
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
			model.addAttribute("fromFile", true);
			return render(page, form, model);
		}
		String saved = save(reader, page, basedOn, ReturnVersion.Source.CSV, checked, upload);
		if (saved == null) {
			return render(page, this.returns.form(page), upload, model);
		}
		Flash.success(redirect, "statistics.returns.savedFromFile", saved, String.valueOf(checked.lines().size()));
		return "redirect:" + address(page);
	}

	/** The layout of a return's CSV file, with example lines. */
	@GetMapping("/statistics/returns/examples/{kind:production|trade}.csv")
	ResponseEntity<String> example(@PathVariable String kind) {
		String body = kind(kind) == ReturnKind.TRADE
				? String.join(",", ReturnCsv.TRADE_COLUMNS) + "\r\nexport,eu,125000.50,18250000.00,42\r\n"
						+ "export,chinese-taipei,1200,350000,3\r\nimport,za,800.25,96000,5\r\n"
				: String.join(",", ReturnCsv.PRODUCTION_COLUMNS) + "\r\n3650000.75,1025000000.00\r\n";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("kp-statistics-" + kind + "-example.csv").build().toString())
			.body(body);
	}

	/** Saves the checked figures; null, with the reason on the form, where the service refuses them. */
	private String save(Reader reader, ReturnPage page, int basedOn, ReturnVersion.Source source,
			ReturnFigures.Result checked, BindingResult result) {
		try {
			int number = this.returns.submit(reader, page.participant().code(), page.status().year(),
					page.status().kind(), page.status().period(), basedOn, source, checked.lines());
			return String.valueOf(number);
		}
		catch (InvalidInputException ex) {
			Forms.reject(result, ex);
		}
		catch (OptimisticLockingFailureException | DataIntegrityViolationException | PersistenceException ex) {
			// Another submission of the same return committed first.
			result.reject("statistics.return.submittedMeanwhile");
		}
		return null;
	}

	/**
	 * A row's problem on its field. A trade return has many rows, so the message names the line
	 * and the field ("Line 3, carats: …"), in the error summary as next to the field.
	 */
	private static void reject(BindingResult result, ReturnKind kind, Problem problem) {
		String field = "rows[" + problem.row() + "]." + problem.field();
		if (kind == ReturnKind.PRODUCTION) {
			result.rejectValue(field, problem.code(), problem.arguments(), null);
			return;
		}
		result.rejectValue(field, "statistics.returns.lineProblem",
				new Object[] { problem.row() + 1,
						new DefaultMessageSourceResolvable("statistics.returns.column." + problem.field()),
						new DefaultMessageSourceResolvable(new String[] { problem.code() }, problem.arguments()) },
				null);
	}

	private String render(ReturnPage page, ReturnForm form, Model model) {
		return render(page, form, new BeanPropertyBindingResult(new Upload(form.getBasedOn()), "upload"), model);
	}

	private String render(ReturnPage page, ReturnForm form, BindingResult upload, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("form", form);
		model.addAttribute("upload", upload.getTarget());
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "upload", upload);
		model.addAttribute("partners", page.open() && page.status().kind() == ReturnKind.TRADE
				? this.returns.partnerOptions(page.participant().id()) : List.of());
		model.addAttribute("flows", List.of(Flow.EXPORT, Flow.IMPORT));
		model.addAttribute("address", address(page));
		model.addAttribute("columns", String.join(",", ReturnCsv.columns(page.status().kind())));
		return "statistics/return";
	}

	private static void requireSubmitter(ReturnPage page) {
		if (!page.canSubmit()) {
			throw new AccessDeniedException("A Participant's head or alternate submits its returns");
		}
	}

	/** Why the return takes no submission now (a closed year, a period not over), or null where it does. */
	private static String refusal(ReturnPage page, RedirectAttributes redirect) {
		if (page.open()) {
			return null;
		}
		if (page.closed()) {
			Flash.error(redirect, "statistics.return.yearClosed", String.valueOf(page.status().year()));
		}
		else {
			Flash.error(redirect, "statistics.return.notOver");
		}
		return "redirect:" + address(page);
	}

	static String address(ReturnPage page) {
		return "/statistics/returns/" + page.participant().code() + "/" + page.status().year() + "/"
				+ page.status().slug() + "/" + page.status().period();
	}

	private static ReturnKind kind(String slug) {
		return switch (slug) {
			case "production" -> ReturnKind.PRODUCTION;
			case "trade" -> ReturnKind.TRADE;
			default -> throw new NotFoundException();
		};
	}

	/** The upload form: the version the person saw. */
	public static class Upload {

		private final int basedOn;

		Upload(int basedOn) {
			this.basedOn = basedOn;
		}

		public int getBasedOn() {
			return this.basedOn;
		}

	}

}
