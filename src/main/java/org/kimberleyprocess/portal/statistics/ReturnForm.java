package org.kimberleyprocess.portal.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one return as typed: every number kept as text, so that a wrong one comes back
 * on the form exactly as it was entered. Production has one row; trade one row per flow and
 * partner, blank rows being ignored.
 */
public class ReturnForm {

	/** The most rows a trade return holds: every Participant and Chinese Taipei, both ways, with room to spare. */
	static final int MAX_ROWS = 300;

	/** Blank rows offered for new lines, and added by "more rows". */
	static final int BLANK_ROWS = 3;

	static final int MORE_ROWS = 10;

	private String source = ReturnVersion.Source.FORM.name();

	/** The version the person saw when the form was opened (0: none yet). */
	private int basedOn;

	/** A trade return without any line: nothing imported or exported in the quarter. */
	private boolean nothingToReport;

	private List<Row> rows = new ArrayList<>();

	public String getSource() {
		return this.source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public int getBasedOn() {
		return this.basedOn;
	}

	public void setBasedOn(int basedOn) {
		this.basedOn = basedOn;
	}

	public boolean isNothingToReport() {
		return this.nothingToReport;
	}

	public void setNothingToReport(boolean nothingToReport) {
		this.nothingToReport = nothingToReport;
	}

	public List<Row> getRows() {
		return this.rows;
	}

	public void setRows(List<Row> rows) {
		this.rows = rows;
	}

	/** Blank rows appended up to {@code blanks}, within the limit. */
	void padWith(int blanks) {
		for (int i = 0; i < blanks && this.rows.size() < MAX_ROWS; i++) {
			this.rows.add(new Row());
		}
	}

	ReturnVersion.Source source() {
		return ReturnVersion.Source.CSV.name().equals(this.source) ? ReturnVersion.Source.CSV
				: ReturnVersion.Source.FORM;
	}

	public static class Row {

		private String flow = "";

		private String partner = "";

		private String carats = "";

		private String value = "";

		private String certificates = "";

		private boolean confirmed;

		public Row() {
		}

		Row(String flow, String partner, String carats, String value, String certificates, boolean confirmed) {
			this.flow = flow;
			this.partner = partner;
			this.carats = carats;
			this.value = value;
			this.certificates = certificates;
			this.confirmed = confirmed;
		}

		/** Nothing typed in it (the flow alone is a select's default). */
		boolean isBlank() {
			return blank(this.partner) && blank(this.carats) && blank(this.value) && blank(this.certificates);
		}

		private static boolean blank(String text) {
			return text == null || text.isBlank();
		}

		public String getFlow() {
			return this.flow;
		}

		public void setFlow(String flow) {
			this.flow = flow;
		}

		public String getPartner() {
			return this.partner;
		}

		public void setPartner(String partner) {
			this.partner = partner;
		}

		public String getCarats() {
			return this.carats;
		}

		public void setCarats(String carats) {
			this.carats = carats;
		}

		public String getValue() {
			return this.value;
		}

		public void setValue(String value) {
			this.value = value;
		}

		public String getCertificates() {
			return this.certificates;
		}

		public void setCertificates(String certificates) {
			this.certificates = certificates;
		}

		public boolean isConfirmed() {
			return this.confirmed;
		}

		public void setConfirmed(boolean confirmed) {
			this.confirmed = confirmed;
		}

	}

}
