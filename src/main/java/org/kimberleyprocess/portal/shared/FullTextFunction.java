package org.kimberleyprocess.portal.shared;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * MariaDB's full-text match as a query function, {@code fulltext(title, text, :words) > 0}, so a
 * search is one query with the reading rule rather than a list of every matching id sent back.
 * The words come from {@link FullText#booleanModeWords}.
 */
public class FullTextFunction implements FunctionContributor {

	@Override
	public void contributeFunctions(FunctionContributions functions) {
		functions.getFunctionRegistry()
			.registerPattern("fulltext", "match(?1, ?2) against (?3 in boolean mode)",
					functions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.DOUBLE));
	}

}
