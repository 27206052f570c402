package uk.co.healthwatchportsmouth.charter.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMTP server (GreenMail) that accepts mail for anyone, and a small HTTP API to read
 * what it received: {@code GET /messages} (optionally {@code ?to=address}) lists messages
 * as JSON, {@code DELETE /messages} empties the box.
 */
public final class MailCatcher implements AutoCloseable {

	/** One received message as the HTTP API shows it. */
	public record ReceivedMail(String messageId, String from, List<String> to, List<String> cc, String subject,
			Instant receivedAt, String text, String html) {
	}

	private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

	private final int smtpPort;

	private final int apiPort;

	private final JsonMapper json = JsonMapper.builder().build();

	private GreenMail greenMail;

	private HttpServer api;

	MailCatcher(int smtpPort, int apiPort) {
		this.smtpPort = smtpPort;
		this.apiPort = apiPort;
	}

	void start() throws IOException {
		this.greenMail = new GreenMail(new ServerSetup(this.smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		this.greenMail.start();
		this.api = HttpServer.create(new InetSocketAddress("127.0.0.1", this.apiPort), 0);
		this.api.createContext("/messages", this::handle);
		this.api.start();
		log.info("SMTP server ready on 127.0.0.1:{}; received mail at http://127.0.0.1:{}/messages", this.smtpPort,
				this.apiPort);
	}

	/**
	 * Every message received so far, oldest first, once each however many recipients it
	 * had.
	 */
	public List<ReceivedMail> messages() {
		Map<String, ReceivedMail> distinct = new LinkedHashMap<>();
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			ReceivedMail mail = toReceivedMail(message);
			distinct.putIfAbsent((mail.messageId() != null) ? mail.messageId() : "#" + distinct.size(), mail);
		}
		return List.copyOf(distinct.values());
	}

	/** What one mailbox received, oldest first. */
	public List<ReceivedMail> messagesFor(String address) {
		return this.greenMail
			.findReceivedMessages((user) -> user.getEmail().equalsIgnoreCase(address), (message) -> true)
			.map(MailCatcher::toReceivedMail)
			.toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			switch (exchange.getRequestMethod()) {
				case "GET" -> {
					Optional<String> to = query(exchange, "to");
					List<ReceivedMail> mails = to.map(this::messagesFor).orElseGet(this::messages);
					byte[] body = this.json.writeValueAsBytes(mails);
					exchange.getResponseHeaders().add("Content-Type", "application/json");
					exchange.sendResponseHeaders(200, body.length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(body);
					}
				}
				case "DELETE" -> {
					this.greenMail.purgeEmailFromAllMailboxes();
					exchange.sendResponseHeaders(204, -1);
				}
				default -> exchange.sendResponseHeaders(405, -1);
			}
		}
		catch (RuntimeException | FolderException ex) {
			log.warn("Mail API request failed: {}", ex.getMessage());
		}
	}

	private static Optional<String> query(HttpExchange exchange, String name) {
		String raw = exchange.getRequestURI().getRawQuery();
		if (raw == null) {
			return Optional.empty();
		}
		Map<String, String> params = Arrays.stream(raw.split("&"))
			.map((pair) -> pair.split("=", 2))
			.filter((pair) -> pair.length == 2)
			.collect(Collectors.toMap((pair) -> pair[0], (pair) -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
					(a, b) -> a));
		return Optional.ofNullable(params.get(name));
	}

	private static ReceivedMail toReceivedMail(MimeMessage message) {
		try {
			StringBuilder text = new StringBuilder();
			StringBuilder html = new StringBuilder();
			collectText(message, text, html);
			Instant received = (message.getReceivedDate() != null) ? message.getReceivedDate().toInstant()
					: (message.getSentDate() != null) ? message.getSentDate().toInstant() : null;
			return new ReceivedMail(message.getMessageID(),
					addresses(message.getFrom()).stream().findFirst().orElse(null),
					addresses(message.getRecipients(Message.RecipientType.TO)),
					addresses(message.getRecipients(Message.RecipientType.CC)), message.getSubject(), received,
					text.toString(), html.toString());
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Unreadable message", ex);
		}
	}

	private static void collectText(Part part, StringBuilder text, StringBuilder html)
			throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			text.append(part.getContent());
		}
		else if (part.isMimeType("text/html")) {
			html.append(part.getContent());
		}
		else if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				collectText(body, text, html);
			}
		}
	}

	private static List<String> addresses(Address[] addresses) {
		if (addresses == null) {
			return List.of();
		}
		return Arrays.stream(addresses).map(MailCatcher::bareAddress).toList();
	}

	private static String bareAddress(Address address) {
		if (address instanceof jakarta.mail.internet.InternetAddress internet) {
			return internet.getAddress();
		}
		return address.toString();
	}

	@Override
	public void close() {
		if (this.api != null) {
			this.api.stop(0);
		}
		if (this.greenMail != null) {
			this.greenMail.stop();
		}
	}

}
