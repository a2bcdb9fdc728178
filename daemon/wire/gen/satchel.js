/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const satchel = $root.satchel = (() => {

    /**
     * Namespace satchel.
     * @exports satchel
     * @namespace
     */
    const satchel = {};

    satchel.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof satchel
         * @namespace
         */
        const v1 = {};

        v1.Beacon = (function() {

            /**
             * Properties of a Beacon.
             * @memberof satchel.v1
             * @interface IBeacon
             * @property {number|null} [version] Beacon version
             * @property {Uint8Array|null} [nodeId] Beacon nodeId
             * @property {number|null} [port] Beacon port
             * @property {number|null} [epoch] Beacon epoch
             */

            /**
             * Constructs a new Beacon.
             * @memberof satchel.v1
             * @classdesc Represents a Beacon.
             * @implements IBeacon
             * @constructor
             * @param {satchel.v1.IBeacon=} [properties] Properties to set
             */
            function Beacon(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Beacon version.
             * @member {number} version
             * @memberof satchel.v1.Beacon
             * @instance
             */
            Beacon.prototype.version = 0;

            /**
             * Beacon nodeId.
             * @member {Uint8Array} nodeId
             * @memberof satchel.v1.Beacon
             * @instance
             */
            Beacon.prototype.nodeId = $util.newBuffer([]);

            /**
             * Beacon port.
             * @member {number} port
             * @memberof satchel.v1.Beacon
             * @instance
             */
            Beacon.prototype.port = 0;

            /**
             * Beacon epoch.
             * @member {number} epoch
             * @memberof satchel.v1.Beacon
             * @instance
             */
            Beacon.prototype.epoch = 0;

            /**
             * Encodes the specified Beacon message. Does not implicitly {@link satchel.v1.Beacon.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.Beacon
             * @static
             * @param {satchel.v1.IBeacon} message Beacon message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Beacon.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
                if (message.nodeId != null && Object.hasOwnProperty.call(message, "nodeId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.nodeId);
                if (message.port != null && Object.hasOwnProperty.call(message, "port"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.port);
                if (message.epoch != null && Object.hasOwnProperty.call(message, "epoch"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.epoch);
                return writer;
            };

            /**
             * Decodes a Beacon message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.Beacon
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.Beacon} Beacon
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Beacon.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.Beacon();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.version = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.nodeId = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.port = reader.uint32();
                            break;
                        }
                    case 4: {
                            message.epoch = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Beacon;
        })();

        v1.Hello = (function() {

            /**
             * Properties of a Hello.
             * @memberof satchel.v1
             * @interface IHello
             * @property {number|null} [version] Hello version
             * @property {Uint8Array|null} [ephemeral] Hello ephemeral
             */

            /**
             * Constructs a new Hello.
             * @memberof satchel.v1
             * @classdesc Represents a Hello.
             * @implements IHello
             * @constructor
             * @param {satchel.v1.IHello=} [properties] Properties to set
             */
            function Hello(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Hello version.
             * @member {number} version
             * @memberof satchel.v1.Hello
             * @instance
             */
            Hello.prototype.version = 0;

            /**
             * Hello ephemeral.
             * @member {Uint8Array} ephemeral
             * @memberof satchel.v1.Hello
             * @instance
             */
            Hello.prototype.ephemeral = $util.newBuffer([]);

            /**
             * Encodes the specified Hello message. Does not implicitly {@link satchel.v1.Hello.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.Hello
             * @static
             * @param {satchel.v1.IHello} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
                if (message.ephemeral != null && Object.hasOwnProperty.call(message, "ephemeral"))
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.ephemeral);
                return writer;
            };

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.Hello} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.Hello();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.version = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.ephemeral = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Hello;
        })();

        v1.Frame = (function() {

            /**
             * Properties of a Frame.
             * @memberof satchel.v1
             * @interface IFrame
             * @property {satchel.v1.IAuth|null} [auth] Frame auth
             * @property {Array.<satchel.v1.IEnvelope>|null} [envelopes] Frame envelopes
             * @property {Array.<Uint8Array>|null} [stored] Frame stored
             * @property {Array.<Uint8Array>|null} [refused] Frame refused
             * @property {boolean|null} [done] Frame done
             * @property {satchel.v1.IIdentityCard|null} [card] Frame card
             * @property {satchel.v1.IReconcile|null} [reconcile] Frame reconcile
             * @property {Array.<satchel.v1.IDeliveryProof>|null} [proofs] Frame proofs
             * @property {satchel.v1.IRouteInfo|null} [route] Frame route
             * @property {Array.<satchel.v1.ISchoolCertificate>|null} [certificates] Frame certificates
             * @property {Array.<satchel.v1.ISchoolRevocation>|null} [revocations] Frame revocations
             */

            /**
             * Constructs a new Frame.
             * @memberof satchel.v1
             * @classdesc Represents a Frame.
             * @implements IFrame
             * @constructor
             * @param {satchel.v1.IFrame=} [properties] Properties to set
             */
            function Frame(properties) {
                this.envelopes = [];
                this.stored = [];
                this.refused = [];
                this.proofs = [];
                this.certificates = [];
                this.revocations = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Frame auth.
             * @member {satchel.v1.IAuth|null|undefined} auth
             * @memberof satchel.v1.Frame
             * @instance
             */
            Frame.prototype.auth = null;

            /**
             * Frame envelopes.
             * @member {Array.<satchel.v1.IEnvelope>} envelopes
             * @memberof satchel.v1.Frame
             * @instance
             */
            Frame.prototype.envelopes = $util.emptyArray;

            /**
             * Frame stored.
             * @member {Array.<Uint8Array>} stored
             * @memberof satchel.v1.Frame
             * @instance
             */
            Frame.prototype.stored = $util.emptyArray;

            /**
             * Frame refused.
             * @member {Array.<Uint8Array>} refused
             * @memberof satchel.v1.Frame
             * @instance
             */
            Frame.prototype.refused = $util.emptyArray;

            /**
             * Frame done.
             * @member {boolean} done
             * @memberof satchel.v1.Frame
             * @instance
             */
            Frame.prototype.done = false;

            /**
             * Frame card.
             * @member {satchel.v1.IIdentityCard|null|undefined} card
             * @memberof satchel.v1.Frame
             * @instance
             */
            Frame.prototype.card = null;

            /**
             * Frame reconcile.
             * @member {satchel.v1.IReconcile|null|undefined} reconcile
             * @memberof satchel.v1.Frame
             * @instance
             */
            Frame.prototype.reconcile = null;

            /**
             * Frame proofs.
             * @member {Array.<satchel.v1.IDeliveryProof>} proofs
             * @memberof satchel.v1.Frame
             * @instance
             */
            Frame.prototype.proofs = $util.emptyArray;

            /**
             * Frame route.
             * @member {satchel.v1.IRouteInfo|null|undefined} route
             * @memberof satchel.v1.Frame
             * @instance
             */
            Frame.prototype.route = null;

            /**
             * Frame certificates.
             * @member {Array.<satchel.v1.ISchoolCertificate>} certificates
             * @memberof satchel.v1.Frame
             * @instance
             */
            Frame.prototype.certificates = $util.emptyArray;

            /**
             * Frame revocations.
             * @member {Array.<satchel.v1.ISchoolRevocation>} revocations
             * @memberof satchel.v1.Frame
             * @instance
             */
            Frame.prototype.revocations = $util.emptyArray;

            /**
             * Encodes the specified Frame message. Does not implicitly {@link satchel.v1.Frame.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.Frame
             * @static
             * @param {satchel.v1.IFrame} message Frame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Frame.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.auth != null && Object.hasOwnProperty.call(message, "auth"))
                    $root.satchel.v1.Auth.encode(message.auth, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.envelopes != null && message.envelopes.length)
                    for (let i = 0; i < message.envelopes.length; ++i)
                        $root.satchel.v1.Envelope.encode(message.envelopes[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.stored != null && message.stored.length)
                    for (let i = 0; i < message.stored.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.stored[i]);
                if (message.refused != null && message.refused.length)
                    for (let i = 0; i < message.refused.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.refused[i]);
                if (message.done != null && Object.hasOwnProperty.call(message, "done"))
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.done);
                if (message.card != null && Object.hasOwnProperty.call(message, "card"))
                    $root.satchel.v1.IdentityCard.encode(message.card, writer.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (message.reconcile != null && Object.hasOwnProperty.call(message, "reconcile"))
                    $root.satchel.v1.Reconcile.encode(message.reconcile, writer.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (message.proofs != null && message.proofs.length)
                    for (let i = 0; i < message.proofs.length; ++i)
                        $root.satchel.v1.DeliveryProof.encode(message.proofs[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                if (message.route != null && Object.hasOwnProperty.call(message, "route"))
                    $root.satchel.v1.RouteInfo.encode(message.route, writer.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
                if (message.certificates != null && message.certificates.length)
                    for (let i = 0; i < message.certificates.length; ++i)
                        $root.satchel.v1.SchoolCertificate.encode(message.certificates[i], writer.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (message.revocations != null && message.revocations.length)
                    for (let i = 0; i < message.revocations.length; ++i)
                        $root.satchel.v1.SchoolRevocation.encode(message.revocations[i], writer.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a Frame message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.Frame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.Frame} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Frame.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.Frame();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.auth = $root.satchel.v1.Auth.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            if (!(message.envelopes && message.envelopes.length))
                                message.envelopes = [];
                            message.envelopes.push($root.satchel.v1.Envelope.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 3: {
                            if (!(message.stored && message.stored.length))
                                message.stored = [];
                            message.stored.push(reader.bytes());
                            break;
                        }
                    case 4: {
                            if (!(message.refused && message.refused.length))
                                message.refused = [];
                            message.refused.push(reader.bytes());
                            break;
                        }
                    case 5: {
                            message.done = reader.bool();
                            break;
                        }
                    case 6: {
                            message.card = $root.satchel.v1.IdentityCard.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 7: {
                            message.reconcile = $root.satchel.v1.Reconcile.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 8: {
                            if (!(message.proofs && message.proofs.length))
                                message.proofs = [];
                            message.proofs.push($root.satchel.v1.DeliveryProof.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 9: {
                            message.route = $root.satchel.v1.RouteInfo.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 10: {
                            if (!(message.certificates && message.certificates.length))
                                message.certificates = [];
                            message.certificates.push($root.satchel.v1.SchoolCertificate.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 11: {
                            if (!(message.revocations && message.revocations.length))
                                message.revocations = [];
                            message.revocations.push($root.satchel.v1.SchoolRevocation.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Frame;
        })();

        v1.Auth = (function() {

            /**
             * Properties of an Auth.
             * @memberof satchel.v1
             * @interface IAuth
             * @property {Uint8Array|null} [nodeKey] Auth nodeKey
             * @property {Uint8Array|null} [signature] Auth signature
             * @property {satchel.v1.IIdentityCard|null} [card] Auth card
             */

            /**
             * Constructs a new Auth.
             * @memberof satchel.v1
             * @classdesc Represents an Auth.
             * @implements IAuth
             * @constructor
             * @param {satchel.v1.IAuth=} [properties] Properties to set
             */
            function Auth(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Auth nodeKey.
             * @member {Uint8Array} nodeKey
             * @memberof satchel.v1.Auth
             * @instance
             */
            Auth.prototype.nodeKey = $util.newBuffer([]);

            /**
             * Auth signature.
             * @member {Uint8Array} signature
             * @memberof satchel.v1.Auth
             * @instance
             */
            Auth.prototype.signature = $util.newBuffer([]);

            /**
             * Auth card.
             * @member {satchel.v1.IIdentityCard|null|undefined} card
             * @memberof satchel.v1.Auth
             * @instance
             */
            Auth.prototype.card = null;

            /**
             * Encodes the specified Auth message. Does not implicitly {@link satchel.v1.Auth.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.Auth
             * @static
             * @param {satchel.v1.IAuth} message Auth message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Auth.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.nodeKey != null && Object.hasOwnProperty.call(message, "nodeKey"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.nodeKey);
                if (message.signature != null && Object.hasOwnProperty.call(message, "signature"))
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.signature);
                if (message.card != null && Object.hasOwnProperty.call(message, "card"))
                    $root.satchel.v1.IdentityCard.encode(message.card, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes an Auth message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.Auth
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.Auth} Auth
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Auth.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.Auth();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.nodeKey = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.signature = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.card = $root.satchel.v1.IdentityCard.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Auth;
        })();

        v1.IdentityCard = (function() {

            /**
             * Properties of an IdentityCard.
             * @memberof satchel.v1
             * @interface IIdentityCard
             * @property {Uint8Array|null} [userKey] IdentityCard userKey
             * @property {string|null} [displayName] IdentityCard displayName
             * @property {Uint8Array|null} [nodeKey] IdentityCard nodeKey
             * @property {number|null} [issuedMs] IdentityCard issuedMs
             * @property {Uint8Array|null} [signature] IdentityCard signature
             */

            /**
             * Constructs a new IdentityCard.
             * @memberof satchel.v1
             * @classdesc Represents an IdentityCard.
             * @implements IIdentityCard
             * @constructor
             * @param {satchel.v1.IIdentityCard=} [properties] Properties to set
             */
            function IdentityCard(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * IdentityCard userKey.
             * @member {Uint8Array} userKey
             * @memberof satchel.v1.IdentityCard
             * @instance
             */
            IdentityCard.prototype.userKey = $util.newBuffer([]);

            /**
             * IdentityCard displayName.
             * @member {string} displayName
             * @memberof satchel.v1.IdentityCard
             * @instance
             */
            IdentityCard.prototype.displayName = "";

            /**
             * IdentityCard nodeKey.
             * @member {Uint8Array} nodeKey
             * @memberof satchel.v1.IdentityCard
             * @instance
             */
            IdentityCard.prototype.nodeKey = $util.newBuffer([]);

            /**
             * IdentityCard issuedMs.
             * @member {number} issuedMs
             * @memberof satchel.v1.IdentityCard
             * @instance
             */
            IdentityCard.prototype.issuedMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * IdentityCard signature.
             * @member {Uint8Array} signature
             * @memberof satchel.v1.IdentityCard
             * @instance
             */
            IdentityCard.prototype.signature = $util.newBuffer([]);

            /**
             * Encodes the specified IdentityCard message. Does not implicitly {@link satchel.v1.IdentityCard.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.IdentityCard
             * @static
             * @param {satchel.v1.IIdentityCard} message IdentityCard message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            IdentityCard.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.userKey != null && Object.hasOwnProperty.call(message, "userKey"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.userKey);
                if (message.displayName != null && Object.hasOwnProperty.call(message, "displayName"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.displayName);
                if (message.nodeKey != null && Object.hasOwnProperty.call(message, "nodeKey"))
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.nodeKey);
                if (message.issuedMs != null && Object.hasOwnProperty.call(message, "issuedMs"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.issuedMs);
                if (message.signature != null && Object.hasOwnProperty.call(message, "signature"))
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.signature);
                return writer;
            };

            /**
             * Decodes an IdentityCard message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.IdentityCard
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.IdentityCard} IdentityCard
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            IdentityCard.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.IdentityCard();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.userKey = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.displayName = reader.string();
                            break;
                        }
                    case 3: {
                            message.nodeKey = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.issuedMs = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.signature = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return IdentityCard;
        })();

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @memberof satchel.v1
             * @interface IEnvelope
             * @property {Uint8Array|null} [to] Envelope to
             * @property {number|null} [nonce] Envelope nonce
             * @property {Uint8Array|null} [sealed] Envelope sealed
             * @property {number|null} [lifetimeS] Envelope lifetimeS
             * @property {number|null} [ageS] Envelope ageS
             * @property {number|null} [copies] Envelope copies
             * @property {number|null} [hops] Envelope hops
             */

            /**
             * Constructs a new Envelope.
             * @memberof satchel.v1
             * @classdesc Represents an Envelope.
             * @implements IEnvelope
             * @constructor
             * @param {satchel.v1.IEnvelope=} [properties] Properties to set
             */
            function Envelope(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Envelope to.
             * @member {Uint8Array} to
             * @memberof satchel.v1.Envelope
             * @instance
             */
            Envelope.prototype.to = $util.newBuffer([]);

            /**
             * Envelope nonce.
             * @member {number} nonce
             * @memberof satchel.v1.Envelope
             * @instance
             */
            Envelope.prototype.nonce = 0;

            /**
             * Envelope sealed.
             * @member {Uint8Array} sealed
             * @memberof satchel.v1.Envelope
             * @instance
             */
            Envelope.prototype.sealed = $util.newBuffer([]);

            /**
             * Envelope lifetimeS.
             * @member {number} lifetimeS
             * @memberof satchel.v1.Envelope
             * @instance
             */
            Envelope.prototype.lifetimeS = 0;

            /**
             * Envelope ageS.
             * @member {number} ageS
             * @memberof satchel.v1.Envelope
             * @instance
             */
            Envelope.prototype.ageS = 0;

            /**
             * Envelope copies.
             * @member {number} copies
             * @memberof satchel.v1.Envelope
             * @instance
             */
            Envelope.prototype.copies = 0;

            /**
             * Envelope hops.
             * @member {number} hops
             * @memberof satchel.v1.Envelope
             * @instance
             */
            Envelope.prototype.hops = 0;

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link satchel.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.Envelope
             * @static
             * @param {satchel.v1.IEnvelope} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.to != null && Object.hasOwnProperty.call(message, "to"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.to);
                if (message.nonce != null && Object.hasOwnProperty.call(message, "nonce"))
                    writer.uint32(/* id 2, wireType 5 =*/21).fixed32(message.nonce);
                if (message.sealed != null && Object.hasOwnProperty.call(message, "sealed"))
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.sealed);
                if (message.lifetimeS != null && Object.hasOwnProperty.call(message, "lifetimeS"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.lifetimeS);
                if (message.ageS != null && Object.hasOwnProperty.call(message, "ageS"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.ageS);
                if (message.copies != null && Object.hasOwnProperty.call(message, "copies"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.copies);
                if (message.hops != null && Object.hasOwnProperty.call(message, "hops"))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.hops);
                return writer;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.Envelope} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.Envelope();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.to = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.nonce = reader.fixed32();
                            break;
                        }
                    case 3: {
                            message.sealed = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.lifetimeS = reader.uint32();
                            break;
                        }
                    case 5: {
                            message.ageS = reader.uint32();
                            break;
                        }
                    case 6: {
                            message.copies = reader.uint32();
                            break;
                        }
                    case 7: {
                            message.hops = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Envelope;
        })();

        v1.Content = (function() {

            /**
             * Properties of a Content.
             * @memberof satchel.v1
             * @interface IContent
             * @property {string|null} [text] Content text
             * @property {satchel.v1.IReceipt|null} [receipt] Content receipt
             * @property {satchel.v1.IAttachment|null} [attachment] Content attachment
             * @property {satchel.v1.IPiece|null} [piece] Content piece
             * @property {Array.<satchel.v1.IGroupOp>|null} [groupOps] Content groupOps
             * @property {satchel.v1.IGroupKey|null} [groupKey] Content groupKey
             */

            /**
             * Constructs a new Content.
             * @memberof satchel.v1
             * @classdesc Represents a Content.
             * @implements IContent
             * @constructor
             * @param {satchel.v1.IContent=} [properties] Properties to set
             */
            function Content(properties) {
                this.groupOps = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Content text.
             * @member {string} text
             * @memberof satchel.v1.Content
             * @instance
             */
            Content.prototype.text = "";

            /**
             * Content receipt.
             * @member {satchel.v1.IReceipt|null|undefined} receipt
             * @memberof satchel.v1.Content
             * @instance
             */
            Content.prototype.receipt = null;

            /**
             * Content attachment.
             * @member {satchel.v1.IAttachment|null|undefined} attachment
             * @memberof satchel.v1.Content
             * @instance
             */
            Content.prototype.attachment = null;

            /**
             * Content piece.
             * @member {satchel.v1.IPiece|null|undefined} piece
             * @memberof satchel.v1.Content
             * @instance
             */
            Content.prototype.piece = null;

            /**
             * Content groupOps.
             * @member {Array.<satchel.v1.IGroupOp>} groupOps
             * @memberof satchel.v1.Content
             * @instance
             */
            Content.prototype.groupOps = $util.emptyArray;

            /**
             * Content groupKey.
             * @member {satchel.v1.IGroupKey|null|undefined} groupKey
             * @memberof satchel.v1.Content
             * @instance
             */
            Content.prototype.groupKey = null;

            /**
             * Encodes the specified Content message. Does not implicitly {@link satchel.v1.Content.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.Content
             * @static
             * @param {satchel.v1.IContent} message Content message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Content.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.text != null && Object.hasOwnProperty.call(message, "text"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.text);
                if (message.receipt != null && Object.hasOwnProperty.call(message, "receipt"))
                    $root.satchel.v1.Receipt.encode(message.receipt, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.attachment != null && Object.hasOwnProperty.call(message, "attachment"))
                    $root.satchel.v1.Attachment.encode(message.attachment, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.piece != null && Object.hasOwnProperty.call(message, "piece"))
                    $root.satchel.v1.Piece.encode(message.piece, writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.groupOps != null && message.groupOps.length)
                    for (let i = 0; i < message.groupOps.length; ++i)
                        $root.satchel.v1.GroupOp.encode(message.groupOps[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (message.groupKey != null && Object.hasOwnProperty.call(message, "groupKey"))
                    $root.satchel.v1.GroupKey.encode(message.groupKey, writer.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a Content message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.Content
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.Content} Content
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Content.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.Content();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.text = reader.string();
                            break;
                        }
                    case 2: {
                            message.receipt = $root.satchel.v1.Receipt.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.attachment = $root.satchel.v1.Attachment.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 4: {
                            message.piece = $root.satchel.v1.Piece.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 5: {
                            if (!(message.groupOps && message.groupOps.length))
                                message.groupOps = [];
                            message.groupOps.push($root.satchel.v1.GroupOp.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 6: {
                            message.groupKey = $root.satchel.v1.GroupKey.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Content;
        })();

        v1.Attachment = (function() {

            /**
             * Properties of an Attachment.
             * @memberof satchel.v1
             * @interface IAttachment
             * @property {Uint8Array|null} [fileId] Attachment fileId
             * @property {string|null} [name] Attachment name
             * @property {number|null} [size] Attachment size
             * @property {Uint8Array|null} [sha256] Attachment sha256
             * @property {number|null} [pieces] Attachment pieces
             * @property {string|null} [mediaType] Attachment mediaType
             */

            /**
             * Constructs a new Attachment.
             * @memberof satchel.v1
             * @classdesc Represents an Attachment.
             * @implements IAttachment
             * @constructor
             * @param {satchel.v1.IAttachment=} [properties] Properties to set
             */
            function Attachment(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Attachment fileId.
             * @member {Uint8Array} fileId
             * @memberof satchel.v1.Attachment
             * @instance
             */
            Attachment.prototype.fileId = $util.newBuffer([]);

            /**
             * Attachment name.
             * @member {string} name
             * @memberof satchel.v1.Attachment
             * @instance
             */
            Attachment.prototype.name = "";

            /**
             * Attachment size.
             * @member {number} size
             * @memberof satchel.v1.Attachment
             * @instance
             */
            Attachment.prototype.size = 0;

            /**
             * Attachment sha256.
             * @member {Uint8Array} sha256
             * @memberof satchel.v1.Attachment
             * @instance
             */
            Attachment.prototype.sha256 = $util.newBuffer([]);

            /**
             * Attachment pieces.
             * @member {number} pieces
             * @memberof satchel.v1.Attachment
             * @instance
             */
            Attachment.prototype.pieces = 0;

            /**
             * Attachment mediaType.
             * @member {string} mediaType
             * @memberof satchel.v1.Attachment
             * @instance
             */
            Attachment.prototype.mediaType = "";

            /**
             * Encodes the specified Attachment message. Does not implicitly {@link satchel.v1.Attachment.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.Attachment
             * @static
             * @param {satchel.v1.IAttachment} message Attachment message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Attachment.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.fileId != null && Object.hasOwnProperty.call(message, "fileId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.fileId);
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.size != null && Object.hasOwnProperty.call(message, "size"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.size);
                if (message.sha256 != null && Object.hasOwnProperty.call(message, "sha256"))
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.sha256);
                if (message.pieces != null && Object.hasOwnProperty.call(message, "pieces"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.pieces);
                if (message.mediaType != null && Object.hasOwnProperty.call(message, "mediaType"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.mediaType);
                return writer;
            };

            /**
             * Decodes an Attachment message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.Attachment
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.Attachment} Attachment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Attachment.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.Attachment();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.fileId = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.name = reader.string();
                            break;
                        }
                    case 3: {
                            message.size = reader.uint32();
                            break;
                        }
                    case 4: {
                            message.sha256 = reader.bytes();
                            break;
                        }
                    case 5: {
                            message.pieces = reader.uint32();
                            break;
                        }
                    case 6: {
                            message.mediaType = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Attachment;
        })();

        v1.Piece = (function() {

            /**
             * Properties of a Piece.
             * @memberof satchel.v1
             * @interface IPiece
             * @property {Uint8Array|null} [fileId] Piece fileId
             * @property {number|null} [index] Piece index
             * @property {Uint8Array|null} [data] Piece data
             */

            /**
             * Constructs a new Piece.
             * @memberof satchel.v1
             * @classdesc Represents a Piece.
             * @implements IPiece
             * @constructor
             * @param {satchel.v1.IPiece=} [properties] Properties to set
             */
            function Piece(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Piece fileId.
             * @member {Uint8Array} fileId
             * @memberof satchel.v1.Piece
             * @instance
             */
            Piece.prototype.fileId = $util.newBuffer([]);

            /**
             * Piece index.
             * @member {number} index
             * @memberof satchel.v1.Piece
             * @instance
             */
            Piece.prototype.index = 0;

            /**
             * Piece data.
             * @member {Uint8Array} data
             * @memberof satchel.v1.Piece
             * @instance
             */
            Piece.prototype.data = $util.newBuffer([]);

            /**
             * Encodes the specified Piece message. Does not implicitly {@link satchel.v1.Piece.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.Piece
             * @static
             * @param {satchel.v1.IPiece} message Piece message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Piece.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.fileId != null && Object.hasOwnProperty.call(message, "fileId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.fileId);
                if (message.index != null && Object.hasOwnProperty.call(message, "index"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.index);
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
                return writer;
            };

            /**
             * Decodes a Piece message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.Piece
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.Piece} Piece
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Piece.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.Piece();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.fileId = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.index = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.data = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Piece;
        })();

        v1.DeliveryProof = (function() {

            /**
             * Properties of a DeliveryProof.
             * @memberof satchel.v1
             * @interface IDeliveryProof
             * @property {Uint8Array|null} [userKey] DeliveryProof userKey
             * @property {Array.<Uint8Array>|null} [ids] DeliveryProof ids
             * @property {number|null} [lifetimeS] DeliveryProof lifetimeS
             * @property {number|null} [ageS] DeliveryProof ageS
             * @property {Uint8Array|null} [signature] DeliveryProof signature
             */

            /**
             * Constructs a new DeliveryProof.
             * @memberof satchel.v1
             * @classdesc Represents a DeliveryProof.
             * @implements IDeliveryProof
             * @constructor
             * @param {satchel.v1.IDeliveryProof=} [properties] Properties to set
             */
            function DeliveryProof(properties) {
                this.ids = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * DeliveryProof userKey.
             * @member {Uint8Array} userKey
             * @memberof satchel.v1.DeliveryProof
             * @instance
             */
            DeliveryProof.prototype.userKey = $util.newBuffer([]);

            /**
             * DeliveryProof ids.
             * @member {Array.<Uint8Array>} ids
             * @memberof satchel.v1.DeliveryProof
             * @instance
             */
            DeliveryProof.prototype.ids = $util.emptyArray;

            /**
             * DeliveryProof lifetimeS.
             * @member {number} lifetimeS
             * @memberof satchel.v1.DeliveryProof
             * @instance
             */
            DeliveryProof.prototype.lifetimeS = 0;

            /**
             * DeliveryProof ageS.
             * @member {number} ageS
             * @memberof satchel.v1.DeliveryProof
             * @instance
             */
            DeliveryProof.prototype.ageS = 0;

            /**
             * DeliveryProof signature.
             * @member {Uint8Array} signature
             * @memberof satchel.v1.DeliveryProof
             * @instance
             */
            DeliveryProof.prototype.signature = $util.newBuffer([]);

            /**
             * Encodes the specified DeliveryProof message. Does not implicitly {@link satchel.v1.DeliveryProof.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.DeliveryProof
             * @static
             * @param {satchel.v1.IDeliveryProof} message DeliveryProof message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeliveryProof.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.userKey != null && Object.hasOwnProperty.call(message, "userKey"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.userKey);
                if (message.ids != null && message.ids.length)
                    for (let i = 0; i < message.ids.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.ids[i]);
                if (message.lifetimeS != null && Object.hasOwnProperty.call(message, "lifetimeS"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.lifetimeS);
                if (message.ageS != null && Object.hasOwnProperty.call(message, "ageS"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.ageS);
                if (message.signature != null && Object.hasOwnProperty.call(message, "signature"))
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.signature);
                return writer;
            };

            /**
             * Decodes a DeliveryProof message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.DeliveryProof
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.DeliveryProof} DeliveryProof
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeliveryProof.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.DeliveryProof();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.userKey = reader.bytes();
                            break;
                        }
                    case 2: {
                            if (!(message.ids && message.ids.length))
                                message.ids = [];
                            message.ids.push(reader.bytes());
                            break;
                        }
                    case 3: {
                            message.lifetimeS = reader.uint32();
                            break;
                        }
                    case 4: {
                            message.ageS = reader.uint32();
                            break;
                        }
                    case 5: {
                            message.signature = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return DeliveryProof;
        })();

        v1.Reconcile = (function() {

            /**
             * Properties of a Reconcile.
             * @memberof satchel.v1
             * @interface IReconcile
             * @property {number|null} [round] Reconcile round
             * @property {number|null} [count] Reconcile count
             * @property {Uint8Array|null} [digest] Reconcile digest
             * @property {boolean|null} [inSync] Reconcile inSync
             * @property {number|null} [cells] Reconcile cells
             * @property {Uint8Array|null} [sketch] Reconcile sketch
             * @property {Uint8Array|null} [want] Reconcile want
             * @property {Uint8Array|null} [have] Reconcile have
             * @property {number|null} [seed] Reconcile seed
             * @property {boolean|null} [done] Reconcile done
             */

            /**
             * Constructs a new Reconcile.
             * @memberof satchel.v1
             * @classdesc Represents a Reconcile.
             * @implements IReconcile
             * @constructor
             * @param {satchel.v1.IReconcile=} [properties] Properties to set
             */
            function Reconcile(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Reconcile round.
             * @member {number} round
             * @memberof satchel.v1.Reconcile
             * @instance
             */
            Reconcile.prototype.round = 0;

            /**
             * Reconcile count.
             * @member {number} count
             * @memberof satchel.v1.Reconcile
             * @instance
             */
            Reconcile.prototype.count = 0;

            /**
             * Reconcile digest.
             * @member {Uint8Array} digest
             * @memberof satchel.v1.Reconcile
             * @instance
             */
            Reconcile.prototype.digest = $util.newBuffer([]);

            /**
             * Reconcile inSync.
             * @member {boolean} inSync
             * @memberof satchel.v1.Reconcile
             * @instance
             */
            Reconcile.prototype.inSync = false;

            /**
             * Reconcile cells.
             * @member {number} cells
             * @memberof satchel.v1.Reconcile
             * @instance
             */
            Reconcile.prototype.cells = 0;

            /**
             * Reconcile sketch.
             * @member {Uint8Array} sketch
             * @memberof satchel.v1.Reconcile
             * @instance
             */
            Reconcile.prototype.sketch = $util.newBuffer([]);

            /**
             * Reconcile want.
             * @member {Uint8Array} want
             * @memberof satchel.v1.Reconcile
             * @instance
             */
            Reconcile.prototype.want = $util.newBuffer([]);

            /**
             * Reconcile have.
             * @member {Uint8Array} have
             * @memberof satchel.v1.Reconcile
             * @instance
             */
            Reconcile.prototype.have = $util.newBuffer([]);

            /**
             * Reconcile seed.
             * @member {number} seed
             * @memberof satchel.v1.Reconcile
             * @instance
             */
            Reconcile.prototype.seed = 0;

            /**
             * Reconcile done.
             * @member {boolean} done
             * @memberof satchel.v1.Reconcile
             * @instance
             */
            Reconcile.prototype.done = false;

            /**
             * Encodes the specified Reconcile message. Does not implicitly {@link satchel.v1.Reconcile.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.Reconcile
             * @static
             * @param {satchel.v1.IReconcile} message Reconcile message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Reconcile.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.round != null && Object.hasOwnProperty.call(message, "round"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.round);
                if (message.count != null && Object.hasOwnProperty.call(message, "count"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.count);
                if (message.digest != null && Object.hasOwnProperty.call(message, "digest"))
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.digest);
                if (message.inSync != null && Object.hasOwnProperty.call(message, "inSync"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.inSync);
                if (message.cells != null && Object.hasOwnProperty.call(message, "cells"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.cells);
                if (message.sketch != null && Object.hasOwnProperty.call(message, "sketch"))
                    writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.sketch);
                if (message.want != null && Object.hasOwnProperty.call(message, "want"))
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.want);
                if (message.have != null && Object.hasOwnProperty.call(message, "have"))
                    writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.have);
                if (message.seed != null && Object.hasOwnProperty.call(message, "seed"))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.seed);
                if (message.done != null && Object.hasOwnProperty.call(message, "done"))
                    writer.uint32(/* id 10, wireType 0 =*/80).bool(message.done);
                return writer;
            };

            /**
             * Decodes a Reconcile message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.Reconcile
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.Reconcile} Reconcile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Reconcile.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.Reconcile();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.round = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.count = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.digest = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.inSync = reader.bool();
                            break;
                        }
                    case 5: {
                            message.cells = reader.uint32();
                            break;
                        }
                    case 6: {
                            message.sketch = reader.bytes();
                            break;
                        }
                    case 7: {
                            message.want = reader.bytes();
                            break;
                        }
                    case 8: {
                            message.have = reader.bytes();
                            break;
                        }
                    case 9: {
                            message.seed = reader.uint32();
                            break;
                        }
                    case 10: {
                            message.done = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Reconcile;
        })();

        v1.RouteInfo = (function() {

            /**
             * Properties of a RouteInfo.
             * @memberof satchel.v1
             * @interface IRouteInfo
             * @property {Array.<satchel.v1.IPredictability>|null} [predictabilities] RouteInfo predictabilities
             * @property {boolean|null} [relayPoint] RouteInfo relayPoint
             * @property {string|null} [place] RouteInfo place
             * @property {Array.<satchel.v1.IPlaceRoute>|null} [places] RouteInfo places
             * @property {Uint8Array|null} [served] RouteInfo served
             * @property {number|null} [encounterRate] RouteInfo encounterRate
             */

            /**
             * Constructs a new RouteInfo.
             * @memberof satchel.v1
             * @classdesc Represents a RouteInfo.
             * @implements IRouteInfo
             * @constructor
             * @param {satchel.v1.IRouteInfo=} [properties] Properties to set
             */
            function RouteInfo(properties) {
                this.predictabilities = [];
                this.places = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * RouteInfo predictabilities.
             * @member {Array.<satchel.v1.IPredictability>} predictabilities
             * @memberof satchel.v1.RouteInfo
             * @instance
             */
            RouteInfo.prototype.predictabilities = $util.emptyArray;

            /**
             * RouteInfo relayPoint.
             * @member {boolean} relayPoint
             * @memberof satchel.v1.RouteInfo
             * @instance
             */
            RouteInfo.prototype.relayPoint = false;

            /**
             * RouteInfo place.
             * @member {string} place
             * @memberof satchel.v1.RouteInfo
             * @instance
             */
            RouteInfo.prototype.place = "";

            /**
             * RouteInfo places.
             * @member {Array.<satchel.v1.IPlaceRoute>} places
             * @memberof satchel.v1.RouteInfo
             * @instance
             */
            RouteInfo.prototype.places = $util.emptyArray;

            /**
             * RouteInfo served.
             * @member {Uint8Array} served
             * @memberof satchel.v1.RouteInfo
             * @instance
             */
            RouteInfo.prototype.served = $util.newBuffer([]);

            /**
             * RouteInfo encounterRate.
             * @member {number} encounterRate
             * @memberof satchel.v1.RouteInfo
             * @instance
             */
            RouteInfo.prototype.encounterRate = 0;

            /**
             * Encodes the specified RouteInfo message. Does not implicitly {@link satchel.v1.RouteInfo.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.RouteInfo
             * @static
             * @param {satchel.v1.IRouteInfo} message RouteInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RouteInfo.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.predictabilities != null && message.predictabilities.length)
                    for (let i = 0; i < message.predictabilities.length; ++i)
                        $root.satchel.v1.Predictability.encode(message.predictabilities[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.relayPoint != null && Object.hasOwnProperty.call(message, "relayPoint"))
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.relayPoint);
                if (message.place != null && Object.hasOwnProperty.call(message, "place"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.place);
                if (message.places != null && message.places.length)
                    for (let i = 0; i < message.places.length; ++i)
                        $root.satchel.v1.PlaceRoute.encode(message.places[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.served != null && Object.hasOwnProperty.call(message, "served"))
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.served);
                if (message.encounterRate != null && Object.hasOwnProperty.call(message, "encounterRate"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.encounterRate);
                return writer;
            };

            /**
             * Decodes a RouteInfo message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.RouteInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.RouteInfo} RouteInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RouteInfo.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.RouteInfo();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.predictabilities && message.predictabilities.length))
                                message.predictabilities = [];
                            message.predictabilities.push($root.satchel.v1.Predictability.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 2: {
                            message.relayPoint = reader.bool();
                            break;
                        }
                    case 3: {
                            message.place = reader.string();
                            break;
                        }
                    case 4: {
                            if (!(message.places && message.places.length))
                                message.places = [];
                            message.places.push($root.satchel.v1.PlaceRoute.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 5: {
                            message.served = reader.bytes();
                            break;
                        }
                    case 6: {
                            message.encounterRate = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return RouteInfo;
        })();

        v1.Predictability = (function() {

            /**
             * Properties of a Predictability.
             * @memberof satchel.v1
             * @interface IPredictability
             * @property {Uint8Array|null} [user] Predictability user
             * @property {number|null} [p] Predictability p
             */

            /**
             * Constructs a new Predictability.
             * @memberof satchel.v1
             * @classdesc Represents a Predictability.
             * @implements IPredictability
             * @constructor
             * @param {satchel.v1.IPredictability=} [properties] Properties to set
             */
            function Predictability(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Predictability user.
             * @member {Uint8Array} user
             * @memberof satchel.v1.Predictability
             * @instance
             */
            Predictability.prototype.user = $util.newBuffer([]);

            /**
             * Predictability p.
             * @member {number} p
             * @memberof satchel.v1.Predictability
             * @instance
             */
            Predictability.prototype.p = 0;

            /**
             * Encodes the specified Predictability message. Does not implicitly {@link satchel.v1.Predictability.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.Predictability
             * @static
             * @param {satchel.v1.IPredictability} message Predictability message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Predictability.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.user != null && Object.hasOwnProperty.call(message, "user"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.user);
                if (message.p != null && Object.hasOwnProperty.call(message, "p"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.p);
                return writer;
            };

            /**
             * Decodes a Predictability message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.Predictability
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.Predictability} Predictability
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Predictability.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.Predictability();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.user = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.p = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Predictability;
        })();

        v1.PlaceRoute = (function() {

            /**
             * Properties of a PlaceRoute.
             * @memberof satchel.v1
             * @interface IPlaceRoute
             * @property {string|null} [place] PlaceRoute place
             * @property {number|null} [distance] PlaceRoute distance
             */

            /**
             * Constructs a new PlaceRoute.
             * @memberof satchel.v1
             * @classdesc Represents a PlaceRoute.
             * @implements IPlaceRoute
             * @constructor
             * @param {satchel.v1.IPlaceRoute=} [properties] Properties to set
             */
            function PlaceRoute(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PlaceRoute place.
             * @member {string} place
             * @memberof satchel.v1.PlaceRoute
             * @instance
             */
            PlaceRoute.prototype.place = "";

            /**
             * PlaceRoute distance.
             * @member {number} distance
             * @memberof satchel.v1.PlaceRoute
             * @instance
             */
            PlaceRoute.prototype.distance = 0;

            /**
             * Encodes the specified PlaceRoute message. Does not implicitly {@link satchel.v1.PlaceRoute.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.PlaceRoute
             * @static
             * @param {satchel.v1.IPlaceRoute} message PlaceRoute message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PlaceRoute.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.place != null && Object.hasOwnProperty.call(message, "place"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.place);
                if (message.distance != null && Object.hasOwnProperty.call(message, "distance"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.distance);
                return writer;
            };

            /**
             * Decodes a PlaceRoute message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.PlaceRoute
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.PlaceRoute} PlaceRoute
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PlaceRoute.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.PlaceRoute();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.place = reader.string();
                            break;
                        }
                    case 2: {
                            message.distance = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return PlaceRoute;
        })();

        v1.Receipt = (function() {

            /**
             * Properties of a Receipt.
             * @memberof satchel.v1
             * @interface IReceipt
             * @property {Array.<Uint8Array>|null} [delivered] Receipt delivered
             * @property {Array.<Uint8Array>|null} [read] Receipt read
             */

            /**
             * Constructs a new Receipt.
             * @memberof satchel.v1
             * @classdesc Represents a Receipt.
             * @implements IReceipt
             * @constructor
             * @param {satchel.v1.IReceipt=} [properties] Properties to set
             */
            function Receipt(properties) {
                this.delivered = [];
                this.read = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Receipt delivered.
             * @member {Array.<Uint8Array>} delivered
             * @memberof satchel.v1.Receipt
             * @instance
             */
            Receipt.prototype.delivered = $util.emptyArray;

            /**
             * Receipt read.
             * @member {Array.<Uint8Array>} read
             * @memberof satchel.v1.Receipt
             * @instance
             */
            Receipt.prototype.read = $util.emptyArray;

            /**
             * Encodes the specified Receipt message. Does not implicitly {@link satchel.v1.Receipt.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.Receipt
             * @static
             * @param {satchel.v1.IReceipt} message Receipt message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Receipt.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.delivered != null && message.delivered.length)
                    for (let i = 0; i < message.delivered.length; ++i)
                        writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.delivered[i]);
                if (message.read != null && message.read.length)
                    for (let i = 0; i < message.read.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.read[i]);
                return writer;
            };

            /**
             * Decodes a Receipt message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.Receipt
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.Receipt} Receipt
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Receipt.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.Receipt();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.delivered && message.delivered.length))
                                message.delivered = [];
                            message.delivered.push(reader.bytes());
                            break;
                        }
                    case 2: {
                            if (!(message.read && message.read.length))
                                message.read = [];
                            message.read.push(reader.bytes());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return Receipt;
        })();

        v1.IdentityBackup = (function() {

            /**
             * Properties of an IdentityBackup.
             * @memberof satchel.v1
             * @interface IIdentityBackup
             * @property {number|null} [version] IdentityBackup version
             * @property {Uint8Array|null} [salt] IdentityBackup salt
             * @property {number|null} [logN] IdentityBackup logN
             * @property {number|null} [r] IdentityBackup r
             * @property {number|null} [p] IdentityBackup p
             * @property {Uint8Array|null} [nonce] IdentityBackup nonce
             * @property {Uint8Array|null} [sealed] IdentityBackup sealed
             */

            /**
             * Constructs a new IdentityBackup.
             * @memberof satchel.v1
             * @classdesc Represents an IdentityBackup.
             * @implements IIdentityBackup
             * @constructor
             * @param {satchel.v1.IIdentityBackup=} [properties] Properties to set
             */
            function IdentityBackup(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * IdentityBackup version.
             * @member {number} version
             * @memberof satchel.v1.IdentityBackup
             * @instance
             */
            IdentityBackup.prototype.version = 0;

            /**
             * IdentityBackup salt.
             * @member {Uint8Array} salt
             * @memberof satchel.v1.IdentityBackup
             * @instance
             */
            IdentityBackup.prototype.salt = $util.newBuffer([]);

            /**
             * IdentityBackup logN.
             * @member {number} logN
             * @memberof satchel.v1.IdentityBackup
             * @instance
             */
            IdentityBackup.prototype.logN = 0;

            /**
             * IdentityBackup r.
             * @member {number} r
             * @memberof satchel.v1.IdentityBackup
             * @instance
             */
            IdentityBackup.prototype.r = 0;

            /**
             * IdentityBackup p.
             * @member {number} p
             * @memberof satchel.v1.IdentityBackup
             * @instance
             */
            IdentityBackup.prototype.p = 0;

            /**
             * IdentityBackup nonce.
             * @member {Uint8Array} nonce
             * @memberof satchel.v1.IdentityBackup
             * @instance
             */
            IdentityBackup.prototype.nonce = $util.newBuffer([]);

            /**
             * IdentityBackup sealed.
             * @member {Uint8Array} sealed
             * @memberof satchel.v1.IdentityBackup
             * @instance
             */
            IdentityBackup.prototype.sealed = $util.newBuffer([]);

            /**
             * Encodes the specified IdentityBackup message. Does not implicitly {@link satchel.v1.IdentityBackup.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.IdentityBackup
             * @static
             * @param {satchel.v1.IIdentityBackup} message IdentityBackup message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            IdentityBackup.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
                if (message.salt != null && Object.hasOwnProperty.call(message, "salt"))
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.salt);
                if (message.logN != null && Object.hasOwnProperty.call(message, "logN"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.logN);
                if (message.r != null && Object.hasOwnProperty.call(message, "r"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.r);
                if (message.p != null && Object.hasOwnProperty.call(message, "p"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.p);
                if (message.nonce != null && Object.hasOwnProperty.call(message, "nonce"))
                    writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.nonce);
                if (message.sealed != null && Object.hasOwnProperty.call(message, "sealed"))
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.sealed);
                return writer;
            };

            /**
             * Decodes an IdentityBackup message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.IdentityBackup
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.IdentityBackup} IdentityBackup
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            IdentityBackup.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.IdentityBackup();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.version = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.salt = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.logN = reader.uint32();
                            break;
                        }
                    case 4: {
                            message.r = reader.uint32();
                            break;
                        }
                    case 5: {
                            message.p = reader.uint32();
                            break;
                        }
                    case 6: {
                            message.nonce = reader.bytes();
                            break;
                        }
                    case 7: {
                            message.sealed = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return IdentityBackup;
        })();

        v1.IdentitySecrets = (function() {

            /**
             * Properties of an IdentitySecrets.
             * @memberof satchel.v1
             * @interface IIdentitySecrets
             * @property {Uint8Array|null} [userSecret] IdentitySecrets userSecret
             * @property {string|null} [displayName] IdentitySecrets displayName
             */

            /**
             * Constructs a new IdentitySecrets.
             * @memberof satchel.v1
             * @classdesc Represents an IdentitySecrets.
             * @implements IIdentitySecrets
             * @constructor
             * @param {satchel.v1.IIdentitySecrets=} [properties] Properties to set
             */
            function IdentitySecrets(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * IdentitySecrets userSecret.
             * @member {Uint8Array} userSecret
             * @memberof satchel.v1.IdentitySecrets
             * @instance
             */
            IdentitySecrets.prototype.userSecret = $util.newBuffer([]);

            /**
             * IdentitySecrets displayName.
             * @member {string} displayName
             * @memberof satchel.v1.IdentitySecrets
             * @instance
             */
            IdentitySecrets.prototype.displayName = "";

            /**
             * Encodes the specified IdentitySecrets message. Does not implicitly {@link satchel.v1.IdentitySecrets.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.IdentitySecrets
             * @static
             * @param {satchel.v1.IIdentitySecrets} message IdentitySecrets message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            IdentitySecrets.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.userSecret != null && Object.hasOwnProperty.call(message, "userSecret"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.userSecret);
                if (message.displayName != null && Object.hasOwnProperty.call(message, "displayName"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.displayName);
                return writer;
            };

            /**
             * Decodes an IdentitySecrets message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.IdentitySecrets
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.IdentitySecrets} IdentitySecrets
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            IdentitySecrets.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.IdentitySecrets();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.userSecret = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.displayName = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return IdentitySecrets;
        })();

        /**
         * GroupOpKind enum.
         * @name satchel.v1.GroupOpKind
         * @enum {number}
         * @property {number} GROUP_OP_NONE=0 GROUP_OP_NONE value
         * @property {number} GROUP_OP_CREATE_ADHOC=1 GROUP_OP_CREATE_ADHOC value
         * @property {number} GROUP_OP_CREATE_CLASS=2 GROUP_OP_CREATE_CLASS value
         * @property {number} GROUP_OP_ADD=3 GROUP_OP_ADD value
         * @property {number} GROUP_OP_JOIN=4 GROUP_OP_JOIN value
         * @property {number} GROUP_OP_LEAVE=5 GROUP_OP_LEAVE value
         * @property {number} GROUP_OP_REMOVE=6 GROUP_OP_REMOVE value
         * @property {number} GROUP_OP_RENAME=7 GROUP_OP_RENAME value
         * @property {number} GROUP_OP_REKEY=8 GROUP_OP_REKEY value
         */
        v1.GroupOpKind = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "GROUP_OP_NONE"] = 0;
            values[valuesById[1] = "GROUP_OP_CREATE_ADHOC"] = 1;
            values[valuesById[2] = "GROUP_OP_CREATE_CLASS"] = 2;
            values[valuesById[3] = "GROUP_OP_ADD"] = 3;
            values[valuesById[4] = "GROUP_OP_JOIN"] = 4;
            values[valuesById[5] = "GROUP_OP_LEAVE"] = 5;
            values[valuesById[6] = "GROUP_OP_REMOVE"] = 6;
            values[valuesById[7] = "GROUP_OP_RENAME"] = 7;
            values[valuesById[8] = "GROUP_OP_REKEY"] = 8;
            return values;
        })();

        v1.GroupOp = (function() {

            /**
             * Properties of a GroupOp.
             * @memberof satchel.v1
             * @interface IGroupOp
             * @property {Uint8Array|null} [group] GroupOp group
             * @property {Uint8Array|null} [author] GroupOp author
             * @property {Array.<Uint8Array>|null} [parents] GroupOp parents
             * @property {satchel.v1.GroupOpKind|null} [kind] GroupOp kind
             * @property {Uint8Array|null} [member] GroupOp member
             * @property {string|null} [name] GroupOp name
             * @property {Uint8Array|null} [salt] GroupOp salt
             * @property {Uint8Array|null} [signature] GroupOp signature
             */

            /**
             * Constructs a new GroupOp.
             * @memberof satchel.v1
             * @classdesc Represents a GroupOp.
             * @implements IGroupOp
             * @constructor
             * @param {satchel.v1.IGroupOp=} [properties] Properties to set
             */
            function GroupOp(properties) {
                this.parents = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * GroupOp group.
             * @member {Uint8Array} group
             * @memberof satchel.v1.GroupOp
             * @instance
             */
            GroupOp.prototype.group = $util.newBuffer([]);

            /**
             * GroupOp author.
             * @member {Uint8Array} author
             * @memberof satchel.v1.GroupOp
             * @instance
             */
            GroupOp.prototype.author = $util.newBuffer([]);

            /**
             * GroupOp parents.
             * @member {Array.<Uint8Array>} parents
             * @memberof satchel.v1.GroupOp
             * @instance
             */
            GroupOp.prototype.parents = $util.emptyArray;

            /**
             * GroupOp kind.
             * @member {satchel.v1.GroupOpKind} kind
             * @memberof satchel.v1.GroupOp
             * @instance
             */
            GroupOp.prototype.kind = 0;

            /**
             * GroupOp member.
             * @member {Uint8Array} member
             * @memberof satchel.v1.GroupOp
             * @instance
             */
            GroupOp.prototype.member = $util.newBuffer([]);

            /**
             * GroupOp name.
             * @member {string} name
             * @memberof satchel.v1.GroupOp
             * @instance
             */
            GroupOp.prototype.name = "";

            /**
             * GroupOp salt.
             * @member {Uint8Array} salt
             * @memberof satchel.v1.GroupOp
             * @instance
             */
            GroupOp.prototype.salt = $util.newBuffer([]);

            /**
             * GroupOp signature.
             * @member {Uint8Array} signature
             * @memberof satchel.v1.GroupOp
             * @instance
             */
            GroupOp.prototype.signature = $util.newBuffer([]);

            /**
             * Encodes the specified GroupOp message. Does not implicitly {@link satchel.v1.GroupOp.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.GroupOp
             * @static
             * @param {satchel.v1.IGroupOp} message GroupOp message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GroupOp.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.group != null && Object.hasOwnProperty.call(message, "group"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.group);
                if (message.author != null && Object.hasOwnProperty.call(message, "author"))
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.author);
                if (message.parents != null && message.parents.length)
                    for (let i = 0; i < message.parents.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.parents[i]);
                if (message.kind != null && Object.hasOwnProperty.call(message, "kind"))
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.kind);
                if (message.member != null && Object.hasOwnProperty.call(message, "member"))
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.member);
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.name);
                if (message.salt != null && Object.hasOwnProperty.call(message, "salt"))
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.salt);
                if (message.signature != null && Object.hasOwnProperty.call(message, "signature"))
                    writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.signature);
                return writer;
            };

            /**
             * Decodes a GroupOp message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.GroupOp
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.GroupOp} GroupOp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GroupOp.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.GroupOp();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.group = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.author = reader.bytes();
                            break;
                        }
                    case 3: {
                            if (!(message.parents && message.parents.length))
                                message.parents = [];
                            message.parents.push(reader.bytes());
                            break;
                        }
                    case 4: {
                            message.kind = reader.int32();
                            break;
                        }
                    case 5: {
                            message.member = reader.bytes();
                            break;
                        }
                    case 6: {
                            message.name = reader.string();
                            break;
                        }
                    case 7: {
                            message.salt = reader.bytes();
                            break;
                        }
                    case 8: {
                            message.signature = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GroupOp;
        })();

        v1.GroupMessage = (function() {

            /**
             * Properties of a GroupMessage.
             * @memberof satchel.v1
             * @interface IGroupMessage
             * @property {Uint8Array|null} [author] GroupMessage author
             * @property {Uint8Array|null} [content] GroupMessage content
             * @property {Uint8Array|null} [signature] GroupMessage signature
             * @property {satchel.v1.IGroupOp|null} [op] GroupMessage op
             */

            /**
             * Constructs a new GroupMessage.
             * @memberof satchel.v1
             * @classdesc Represents a GroupMessage.
             * @implements IGroupMessage
             * @constructor
             * @param {satchel.v1.IGroupMessage=} [properties] Properties to set
             */
            function GroupMessage(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * GroupMessage author.
             * @member {Uint8Array} author
             * @memberof satchel.v1.GroupMessage
             * @instance
             */
            GroupMessage.prototype.author = $util.newBuffer([]);

            /**
             * GroupMessage content.
             * @member {Uint8Array} content
             * @memberof satchel.v1.GroupMessage
             * @instance
             */
            GroupMessage.prototype.content = $util.newBuffer([]);

            /**
             * GroupMessage signature.
             * @member {Uint8Array} signature
             * @memberof satchel.v1.GroupMessage
             * @instance
             */
            GroupMessage.prototype.signature = $util.newBuffer([]);

            /**
             * GroupMessage op.
             * @member {satchel.v1.IGroupOp|null|undefined} op
             * @memberof satchel.v1.GroupMessage
             * @instance
             */
            GroupMessage.prototype.op = null;

            /**
             * Encodes the specified GroupMessage message. Does not implicitly {@link satchel.v1.GroupMessage.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.GroupMessage
             * @static
             * @param {satchel.v1.IGroupMessage} message GroupMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GroupMessage.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.author != null && Object.hasOwnProperty.call(message, "author"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.author);
                if (message.content != null && Object.hasOwnProperty.call(message, "content"))
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.content);
                if (message.signature != null && Object.hasOwnProperty.call(message, "signature"))
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.signature);
                if (message.op != null && Object.hasOwnProperty.call(message, "op"))
                    $root.satchel.v1.GroupOp.encode(message.op, writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a GroupMessage message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.GroupMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.GroupMessage} GroupMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GroupMessage.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.GroupMessage();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.author = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.content = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.signature = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.op = $root.satchel.v1.GroupOp.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GroupMessage;
        })();

        v1.GroupKey = (function() {

            /**
             * Properties of a GroupKey.
             * @memberof satchel.v1
             * @interface IGroupKey
             * @property {Uint8Array|null} [group] GroupKey group
             * @property {Uint8Array|null} [epoch] GroupKey epoch
             * @property {Uint8Array|null} [key] GroupKey key
             */

            /**
             * Constructs a new GroupKey.
             * @memberof satchel.v1
             * @classdesc Represents a GroupKey.
             * @implements IGroupKey
             * @constructor
             * @param {satchel.v1.IGroupKey=} [properties] Properties to set
             */
            function GroupKey(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * GroupKey group.
             * @member {Uint8Array} group
             * @memberof satchel.v1.GroupKey
             * @instance
             */
            GroupKey.prototype.group = $util.newBuffer([]);

            /**
             * GroupKey epoch.
             * @member {Uint8Array} epoch
             * @memberof satchel.v1.GroupKey
             * @instance
             */
            GroupKey.prototype.epoch = $util.newBuffer([]);

            /**
             * GroupKey key.
             * @member {Uint8Array} key
             * @memberof satchel.v1.GroupKey
             * @instance
             */
            GroupKey.prototype.key = $util.newBuffer([]);

            /**
             * Encodes the specified GroupKey message. Does not implicitly {@link satchel.v1.GroupKey.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.GroupKey
             * @static
             * @param {satchel.v1.IGroupKey} message GroupKey message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GroupKey.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.group != null && Object.hasOwnProperty.call(message, "group"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.group);
                if (message.epoch != null && Object.hasOwnProperty.call(message, "epoch"))
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.epoch);
                if (message.key != null && Object.hasOwnProperty.call(message, "key"))
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.key);
                return writer;
            };

            /**
             * Decodes a GroupKey message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.GroupKey
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.GroupKey} GroupKey
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GroupKey.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.GroupKey();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.group = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.epoch = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.key = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return GroupKey;
        })();

        v1.SchoolCertificate = (function() {

            /**
             * Properties of a SchoolCertificate.
             * @memberof satchel.v1
             * @interface ISchoolCertificate
             * @property {Uint8Array|null} [school] SchoolCertificate school
             * @property {Uint8Array|null} [userKey] SchoolCertificate userKey
             * @property {string|null} [displayName] SchoolCertificate displayName
             * @property {string|null} [className] SchoolCertificate className
             * @property {number|null} [validFromS] SchoolCertificate validFromS
             * @property {number|null} [validUntilS] SchoolCertificate validUntilS
             * @property {Uint8Array|null} [signature] SchoolCertificate signature
             */

            /**
             * Constructs a new SchoolCertificate.
             * @memberof satchel.v1
             * @classdesc Represents a SchoolCertificate.
             * @implements ISchoolCertificate
             * @constructor
             * @param {satchel.v1.ISchoolCertificate=} [properties] Properties to set
             */
            function SchoolCertificate(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * SchoolCertificate school.
             * @member {Uint8Array} school
             * @memberof satchel.v1.SchoolCertificate
             * @instance
             */
            SchoolCertificate.prototype.school = $util.newBuffer([]);

            /**
             * SchoolCertificate userKey.
             * @member {Uint8Array} userKey
             * @memberof satchel.v1.SchoolCertificate
             * @instance
             */
            SchoolCertificate.prototype.userKey = $util.newBuffer([]);

            /**
             * SchoolCertificate displayName.
             * @member {string} displayName
             * @memberof satchel.v1.SchoolCertificate
             * @instance
             */
            SchoolCertificate.prototype.displayName = "";

            /**
             * SchoolCertificate className.
             * @member {string} className
             * @memberof satchel.v1.SchoolCertificate
             * @instance
             */
            SchoolCertificate.prototype.className = "";

            /**
             * SchoolCertificate validFromS.
             * @member {number} validFromS
             * @memberof satchel.v1.SchoolCertificate
             * @instance
             */
            SchoolCertificate.prototype.validFromS = 0;

            /**
             * SchoolCertificate validUntilS.
             * @member {number} validUntilS
             * @memberof satchel.v1.SchoolCertificate
             * @instance
             */
            SchoolCertificate.prototype.validUntilS = 0;

            /**
             * SchoolCertificate signature.
             * @member {Uint8Array} signature
             * @memberof satchel.v1.SchoolCertificate
             * @instance
             */
            SchoolCertificate.prototype.signature = $util.newBuffer([]);

            /**
             * Encodes the specified SchoolCertificate message. Does not implicitly {@link satchel.v1.SchoolCertificate.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.SchoolCertificate
             * @static
             * @param {satchel.v1.ISchoolCertificate} message SchoolCertificate message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SchoolCertificate.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.school != null && Object.hasOwnProperty.call(message, "school"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.school);
                if (message.userKey != null && Object.hasOwnProperty.call(message, "userKey"))
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.userKey);
                if (message.displayName != null && Object.hasOwnProperty.call(message, "displayName"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.displayName);
                if (message.className != null && Object.hasOwnProperty.call(message, "className"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.className);
                if (message.validFromS != null && Object.hasOwnProperty.call(message, "validFromS"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.validFromS);
                if (message.validUntilS != null && Object.hasOwnProperty.call(message, "validUntilS"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.validUntilS);
                if (message.signature != null && Object.hasOwnProperty.call(message, "signature"))
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.signature);
                return writer;
            };

            /**
             * Decodes a SchoolCertificate message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.SchoolCertificate
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.SchoolCertificate} SchoolCertificate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SchoolCertificate.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.SchoolCertificate();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.school = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.userKey = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.displayName = reader.string();
                            break;
                        }
                    case 4: {
                            message.className = reader.string();
                            break;
                        }
                    case 5: {
                            message.validFromS = reader.uint32();
                            break;
                        }
                    case 6: {
                            message.validUntilS = reader.uint32();
                            break;
                        }
                    case 7: {
                            message.signature = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return SchoolCertificate;
        })();

        v1.SchoolRevocation = (function() {

            /**
             * Properties of a SchoolRevocation.
             * @memberof satchel.v1
             * @interface ISchoolRevocation
             * @property {Uint8Array|null} [school] SchoolRevocation school
             * @property {Array.<Uint8Array>|null} [certificates] SchoolRevocation certificates
             * @property {Array.<Uint8Array>|null} [userKeys] SchoolRevocation userKeys
             * @property {number|null} [issuedS] SchoolRevocation issuedS
             * @property {Uint8Array|null} [signature] SchoolRevocation signature
             */

            /**
             * Constructs a new SchoolRevocation.
             * @memberof satchel.v1
             * @classdesc Represents a SchoolRevocation.
             * @implements ISchoolRevocation
             * @constructor
             * @param {satchel.v1.ISchoolRevocation=} [properties] Properties to set
             */
            function SchoolRevocation(properties) {
                this.certificates = [];
                this.userKeys = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * SchoolRevocation school.
             * @member {Uint8Array} school
             * @memberof satchel.v1.SchoolRevocation
             * @instance
             */
            SchoolRevocation.prototype.school = $util.newBuffer([]);

            /**
             * SchoolRevocation certificates.
             * @member {Array.<Uint8Array>} certificates
             * @memberof satchel.v1.SchoolRevocation
             * @instance
             */
            SchoolRevocation.prototype.certificates = $util.emptyArray;

            /**
             * SchoolRevocation userKeys.
             * @member {Array.<Uint8Array>} userKeys
             * @memberof satchel.v1.SchoolRevocation
             * @instance
             */
            SchoolRevocation.prototype.userKeys = $util.emptyArray;

            /**
             * SchoolRevocation issuedS.
             * @member {number} issuedS
             * @memberof satchel.v1.SchoolRevocation
             * @instance
             */
            SchoolRevocation.prototype.issuedS = 0;

            /**
             * SchoolRevocation signature.
             * @member {Uint8Array} signature
             * @memberof satchel.v1.SchoolRevocation
             * @instance
             */
            SchoolRevocation.prototype.signature = $util.newBuffer([]);

            /**
             * Encodes the specified SchoolRevocation message. Does not implicitly {@link satchel.v1.SchoolRevocation.verify|verify} messages.
             * @function encode
             * @memberof satchel.v1.SchoolRevocation
             * @static
             * @param {satchel.v1.ISchoolRevocation} message SchoolRevocation message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SchoolRevocation.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.school != null && Object.hasOwnProperty.call(message, "school"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.school);
                if (message.certificates != null && message.certificates.length)
                    for (let i = 0; i < message.certificates.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.certificates[i]);
                if (message.userKeys != null && message.userKeys.length)
                    for (let i = 0; i < message.userKeys.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.userKeys[i]);
                if (message.issuedS != null && Object.hasOwnProperty.call(message, "issuedS"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.issuedS);
                if (message.signature != null && Object.hasOwnProperty.call(message, "signature"))
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.signature);
                return writer;
            };

            /**
             * Decodes a SchoolRevocation message from the specified reader or buffer.
             * @function decode
             * @memberof satchel.v1.SchoolRevocation
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {satchel.v1.SchoolRevocation} SchoolRevocation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SchoolRevocation.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.satchel.v1.SchoolRevocation();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.school = reader.bytes();
                            break;
                        }
                    case 2: {
                            if (!(message.certificates && message.certificates.length))
                                message.certificates = [];
                            message.certificates.push(reader.bytes());
                            break;
                        }
                    case 3: {
                            if (!(message.userKeys && message.userKeys.length))
                                message.userKeys = [];
                            message.userKeys.push(reader.bytes());
                            break;
                        }
                    case 4: {
                            message.issuedS = reader.uint32();
                            break;
                        }
                    case 5: {
                            message.signature = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            return SchoolRevocation;
        })();

        return v1;
    })();

    return satchel;
})();

export { $root as default };
