package org.kimberleyprocess.portal.statistics;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import org.kimberleyprocess.portal.shared.Flash;

/**
 * A file over the upload limit (spring.servlet.multipart.max-file-size) is refused before any
 * controller sees it: the return's page comes back saying so, rather than an error page.
 */
@ControllerAdvice
class UploadLimit {

	private static final Pattern RETURN_UPLOAD = Pattern
		.compile("(/statistics/returns/[a-z0-9-]{1,40}/[0-9]{4}/(production|trade)/[1-4])/csv");

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Matcher upload = RETURN_UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!upload.matches()) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		String target = request.getContextPath() + upload.group(1);
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("flash", new Flash(false, "statistics.csv.tooLarge", List.of()));
		RequestContextUtils.saveOutputFlashMap(target, request, response);
		response.sendRedirect(target);
	}

}
