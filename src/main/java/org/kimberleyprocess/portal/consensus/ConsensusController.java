package org.kimberleyprocess.portal.consensus;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.consensus.ConsensusService.RoundsPage;
import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.Csv;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.Forms;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;
import org.kimberleyprocess.portal.shared.RenderedParts;

@Controller
class ConsensusController {

	/** Time zones offered for a written procedure's deadline; the reader sees UTC as well. */
	static final List<String> ZONES = List.of("UTC", "Africa/Johannesburg", "Africa/Kinshasa", "Africa/Lagos",
			"Asia/Dubai", "Asia/Kolkata", "Asia/Shanghai", "Australia/Canberra", "Europe/Brussels", "Europe/Moscow",
			"America/New_York", "America/Sao_Paulo");

	/** The matrix filters: everyone, one position, or those with no position yet. */
	static final List<String> SHOWN = List.of("ALL", "JOIN", "ABSTAIN", "OBJECT", "NONE");

	private final ConsensusService consensus;

	private final MessageSource messages;

	private final RenderedParts rendered;

	ConsensusController(ConsensusService consensus, MessageSource messages, RenderedParts rendered) {
		this.rendered = rendered;
		this.consensus = consensus;
		this.messages = messages;
	}

	@GetMapping("/consensus")
	String openRounds(Reader reader, Model model) {
		model.addAttribute("rounds", this.consensus.openRounds(reader));
		return "consensus/list";
	}

	@GetMapping("/documents/{id}/consensus")
	String rounds(Reader reader, @PathVariable long id,
			@RequestParam(required = false) String show, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("show", show != null && SHOWN.contains(show) ? show : "ALL");
		model.addAttribute("shown", SHOWN);
		RoundsPage page = this.consensus.page(reader, id);
		model.addAttribute("page", page);
		if (!model.containsAttribute("roundForm")) {
			model.addAttribute("roundForm", new RoundForm());
		}
		if (!model.containsAttribute("positionForm")) {
			PositionForm form = new PositionForm();
			form.setParticipant(reader.organisationId());
			PositionRecord own = page.positionOf(reader.organisationId());
			if (own != null) {
				form.setPosition(own.getPosition());
				// Only an objection's or an abstention's own reason is offered again for amending.
				form.setReason(own.getPosition() == Position.JOIN ? null : own.getReason());
			}
			model.addAttribute("positionForm", form);
		}
		model.addAttribute("reader", reader);
		model.addAttribute("zones", ZONES);
		model.addAttribute("positions", Position.values());
		if (page.current() != null) {
			model.addAttribute("matrixHtml", this.rendered.part(page.matrixKey((String) model.getAttribute("show")),
					"consensus/matrix :: matrix", model.asMap(), request, response));
		}
		return "consensus/rounds";
	}

	@PostMapping("/documents/{id}/consensus/rounds")
	String open(Reader reader, @PathVariable long id,
			@Valid @ModelAttribute("roundForm") RoundForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				this.consensus.open(reader, id, form.getKind(), form.getDeadline(), form.getZone());
				Flash.success(redirect, "consensus.opened");
				return "redirect:/documents/" + id + "/consensus";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		return rounds(reader, id, null, model, request, response);
	}

	@PostMapping("/documents/{id}/consensus/rounds/{roundId}/positions")
	String record(Reader reader, @PathVariable long id, @PathVariable long roundId,
			@Valid @ModelAttribute("positionForm") PositionForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				this.consensus.record(reader, id, roundId, form.getParticipant(), form.getPosition(),
						form.getReason());
				Flash.success(redirect, "consensus.recorded");
				return "redirect:/documents/" + id + "/consensus";
			}
			catch (InvalidInputException ex) {
				if ("consensus.round.notOpen".equals(ex.messageCode())
						|| "consensus.position.afterDeadline".equals(ex.messageCode())) {
					Flash.error(redirect, ex.messageCode());
					return "redirect:/documents/" + id + "/consensus";
				}
				Forms.reject(result, ex);
			}
		}
		return rounds(reader, id, null, model, request, response);
	}

	/**
	 * What closing or withdrawing the round will do, before it is done: the tally, each objection
	 * with its reason, and the outcome; the act is the page's own form, a second deliberate submit.
	 */
	@GetMapping({ "/documents/{id}/consensus/rounds/{roundId}/close", "/documents/{id}/consensus/rounds/{roundId}/withdraw" })
	String confirm(Reader reader, @PathVariable long id, @PathVariable long roundId,
			jakarta.servlet.http.HttpServletRequest request, Model model) {
		RoundsPage page = this.consensus.round(reader, id, roundId);
		if (!page.chairs()) {
			throw new org.springframework.security.access.AccessDeniedException("Rounds are run by the chair of the owning body");
		}
		boolean close = request.getRequestURI().endsWith("/close");
		ConsensusRound round = page.current();
		if (close && round.getKind() != RoundKind.MEETING) {
			throw new NotFoundException();
		}
		model.addAttribute("page", page);
		model.addAttribute("act", close ? "close" : "withdraw");
		model.addAttribute("open", round.getId() == roundId && round.isOpen());
		model.addAttribute("objections", page.positions()
			.values()
			.stream()
			.filter((position) -> position.getPosition() == Position.OBJECT)
			.toList());
		model.addAttribute("outcome", RoundOutcome.of(page.tally()));
		return "consensus/confirm";
	}

	@PostMapping("/documents/{id}/consensus/rounds/{roundId}/close")
	String close(Reader reader, @PathVariable long id, @PathVariable long roundId,
			RedirectAttributes redirect) {
		try {
			RoundOutcome outcome = this.consensus.closeMeeting(reader, id, roundId);
			Flash.success(redirect,
					outcome == RoundOutcome.ADOPTED ? "consensus.closed.adopted" : "consensus.closed.notAdopted");
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/documents/" + id + "/consensus";
	}

	@PostMapping("/documents/{id}/consensus/rounds/{roundId}/withdraw")
	String withdraw(Reader reader, @PathVariable long id, @PathVariable long roundId,
			RedirectAttributes redirect) {
		try {
			this.consensus.withdraw(reader, id, roundId);
			Flash.success(redirect, "consensus.withdrawn");
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode());
		}
		return "redirect:/documents/" + id + "/consensus";
	}

	/** The matrix of a round as CSV, for the delegations' own records. */
	@GetMapping("/documents/{id}/consensus/rounds/{roundId}/positions.csv")
	ResponseEntity<byte[]> csv(Reader reader, @PathVariable long id,
			@PathVariable long roundId) {
		RoundsPage page = this.consensus.round(reader, id, roundId);
		if (page.current() == null || page.current().getId() != roundId) {
			throw new NotFoundException();
		}
		Locale language = LocaleContextHolder.getLocale();
		StringBuilder csv = new StringBuilder();
		CSVPrinter printer = Csv.printer(csv,
				Stream.of("participant", "position", "reason", "recordedBy", "onBehalf", "recordedAt", "sha256")
					.map((column) -> this.messages.getMessage("consensus.csv." + column, null, language))
					.toArray(String[]::new));
		for (ConsensusRound.Eligible participant : page.current().getEligible()) {
			PositionRecord position = page.positionOf(participant.getOrganisationId());
			if (position == null) {
				Csv.row(printer, Csv.text(participant.name(language)), "", "", "", "", "", "");
				continue;
			}
			Csv.row(printer, Csv.text(participant.name(language)),
					this.messages.getMessage("consensus.position." + position.getPosition(), null, language),
					Csv.text(position.getReason()), Csv.text(position.getRecordedByName()),
					this.messages.getMessage(position.isOnBehalf() ? "consensus.csv.yes" : "consensus.csv.no", null,
							language),
					DateTimeFormatter.ISO_INSTANT.format(position.getRecordedAt()), position.getVersionSha256());
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("round-" + roundId + ".csv").build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/documents/{id}/adoption")
	String adoption(Reader reader, @PathVariable long id, Model model) {
		model.addAttribute("adoption", this.consensus.adoption(reader, id));
		return "consensus/adoption";
	}

}
