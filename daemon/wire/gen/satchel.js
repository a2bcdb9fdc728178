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

        return v1;
    })();

    return satchel;
})();

export { $root as default };
