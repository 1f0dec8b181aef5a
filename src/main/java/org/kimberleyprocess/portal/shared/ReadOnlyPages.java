package org.kimberleyprocess.portal.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page read (GET or HEAD) gathers what it shows in one read-only transaction: the header's
 * counts and every query of the page read one consistent snapshot, and the database sees one
 * transaction per page rather than one per query. The transaction ends before the page is
 * rendered, so no connection is held while HTML is written. The one write a page may make, the
 * reader's mark moving to a newer version, joins it.
 */
class ReadOnlyPages implements HandlerInterceptor {

	private static final String STATUS = ReadOnlyPages.class.getName() + ".status";

	private final PlatformTransactionManager transactions;

	private final DefaultTransactionDefinition readOnly = new DefaultTransactionDefinition(
			TransactionDefinition.PROPAGATION_REQUIRED);

	ReadOnlyPages(PlatformTransactionManager transactions) {
		this.transactions = transactions;
		this.readOnly.setReadOnly(true);
		this.readOnly.setName("page");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		if (read && handler instanceof HandlerMethod && request.getAttribute(STATUS) == null) {
			request.setAttribute(STATUS, this.transactions.getTransaction(this.readOnly));
		}
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		end(request, true);
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		end(request, false);
	}

	private void end(HttpServletRequest request, boolean completed) {
		TransactionStatus status = (TransactionStatus) request.getAttribute(STATUS);
		if (status == null || status.isCompleted()) {
			return;
		}
		request.removeAttribute(STATUS);
		if (completed) {
			this.transactions.commit(status);
		}
		else {
			this.transactions.rollback(status);
		}
	}

}
