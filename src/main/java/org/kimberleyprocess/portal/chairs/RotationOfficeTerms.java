package org.kimberleyprocess.portal.chairs;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.kimberleyprocess.portal.directory.OfficeTerms;

/** The rotation tells the directory which Participant's Chair's office holds its rights in a year. */
@Component
class RotationOfficeTerms implements OfficeTerms {

	private final ChairTermRepository terms;

	RotationOfficeTerms(ChairTermRepository terms) {
		this.terms = terms;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> chairOf(int year) {
		return this.terms.findChairOf(year);
	}

}
