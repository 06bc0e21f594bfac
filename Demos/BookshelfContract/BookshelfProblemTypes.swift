public import ProblemDetails

/// The problem types the bookshelf API answers with: the library's built-in types, each with a
/// German title, and `conflict` with the `conflicting_id` member this API adds.
///
/// Declaring a built-in type's slug replaces the built-in declaration in a ``ProblemRegistry``,
/// so these keep the built-in URIs, English titles and statuses.
public enum BookshelfProblemTypes {
    /// 422: the request body failed decoding or validation; `errors` lists every failure.
    public static let validationError = ProblemType.validationError.localized(["de": "Ihre Anfrage ist nicht gültig."])

    /// 400: the request body is not well-formed JSON.
    public static let malformedBody = ProblemType.malformedBody.localized([
        "de": "Der Inhalt der Anfrage ist fehlerhaft."
    ])

    /// 400: a path or query parameter is not valid, such as a book id that is not a UUID.
    public static let invalidParameter = ProblemType.invalidParameter.localized([
        "de": "Ein Parameter der Anfrage ist nicht gültig."
    ])

    /// 401: `/admin` without credentials, or with a token the API does not know.
    public static let unauthorized = ProblemType.unauthorized.localized(["de": "Eine Anmeldung ist erforderlich."])

    /// 403: `/admin` with a token that is not the administrator's.
    public static let forbidden = ProblemType.forbidden.localized(["de": "Sie dürfen das nicht tun."])

    /// 404: the book (or documentation page) the request names does not exist.
    public static let notFound = ProblemType.notFound.localized(["de": "Die Ressource existiert nicht."])

    /// 409: another book already has the ISBN; `conflicting_id` is that book's id.
    public static let conflict: ProblemType = {
        var type = ProblemType.conflict.localized([
            "de": "Die Anfrage steht im Widerspruch zum aktuellen Zustand der Ressource."
        ])
        type.summary = """
            The request cannot be carried out because of the resource's current state: on this API, \
            another book already has the ISBN sent. The conflicting_id member is that book's id. \
            Nothing was changed.
            """
        type.members.append(
            .init(name: "conflicting_id", kind: .string, summary: "The id of the book that holds the ISBN.")
        )
        return type
    }()

    /// 415: the request body is not JSON by its `Content-Type`.
    public static let unsupportedMediaType = ProblemType.unsupportedMediaType.localized([
        "de": "Der Medientyp des Anfrageinhalts wird nicht unterstützt."
    ])

    /// 429: `/limited` was asked too often; `retry_after` equals `Retry-After`.
    public static let rateLimitExceeded = ProblemType.rateLimitExceeded.localized(["de": "Zu viele Anfragen."])

    /// 500: the server failed; the response says nothing about why.
    public static let internalError = ProblemType.internalError.localized([
        "de": "Ein interner Fehler ist aufgetreten."
    ])

    /// 503: the service is down for maintenance; `retry_after` equals `Retry-After`.
    public static let serviceUnavailable = ProblemType.serviceUnavailable.localized([
        "de": "Der Dienst ist vorübergehend nicht verfügbar."
    ])

    /// 504: the handler ran past its route's time limit, given in `timeout_seconds`.
    public static let timeout = ProblemType.timeout.localized(["de": "Die Anfrage hat zu lange gedauert."])

    /// Every type the API uses, in the order the built-in types are declared.
    public static let all: [ProblemType] = [
        validationError, malformedBody, invalidParameter, unauthorized, forbidden, notFound, conflict,
        unsupportedMediaType, rateLimitExceeded, internalError, serviceUnavailable, timeout,
    ]

    /// German titles of the `about:blank` problems the API sends: unknown route, wrong method and
    /// a body over the limit.
    public static let germanStatusTitles: [Int: String] = [
        404: "Nicht gefunden",
        405: "Methode nicht erlaubt",
        413: "Inhalt zu groß",
    ]
}
