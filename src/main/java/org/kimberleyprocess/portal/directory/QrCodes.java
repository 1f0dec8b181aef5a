package org.kimberleyprocess.portal.directory;

import io.nayuki.qrcodegen.QrCode;

/** Draws a QR code as SVG on the server: black squares on white, with a quiet zone of four. */
final class QrCodes {

	private static final int BORDER = 4;

	private QrCodes() {
	}

	static String svg(QrCode qr) {
		int size = qr.size + BORDER * 2;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
				+ path + "\" fill=\"#000\"/></svg>";
	}

}
