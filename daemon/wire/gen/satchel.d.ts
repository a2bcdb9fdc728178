import * as $protobuf from "protobufjs";
import Long = require("long");
export namespace satchel {

    namespace v1 {

        interface IBeacon {
            version?: (number|null);
            nodeId?: (Uint8Array|null);
            port?: (number|null);
            epoch?: (number|null);
        }

        class Beacon implements IBeacon {
            constructor(properties?: satchel.v1.IBeacon);
            public version: number;
            public nodeId: Uint8Array;
            public port: number;
            public epoch: number;
            public static encode(message: satchel.v1.IBeacon, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.Beacon;
        }

        interface IHello {
            version?: (number|null);
            ephemeral?: (Uint8Array|null);
        }

        class Hello implements IHello {
            constructor(properties?: satchel.v1.IHello);
            public version: number;
            public ephemeral: Uint8Array;
            public static encode(message: satchel.v1.IHello, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.Hello;
        }

        interface IFrame {
            auth?: (satchel.v1.IAuth|null);
            envelopes?: (satchel.v1.IEnvelope[]|null);
            stored?: (Uint8Array[]|null);
            refused?: (Uint8Array[]|null);
            done?: (boolean|null);
            card?: (satchel.v1.IIdentityCard|null);
        }

        class Frame implements IFrame {
            constructor(properties?: satchel.v1.IFrame);
            public auth?: (satchel.v1.IAuth|null);
            public envelopes: satchel.v1.IEnvelope[];
            public stored: Uint8Array[];
            public refused: Uint8Array[];
            public done: boolean;
            public card?: (satchel.v1.IIdentityCard|null);
            public static encode(message: satchel.v1.IFrame, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.Frame;
        }

        interface IAuth {
            nodeKey?: (Uint8Array|null);
            signature?: (Uint8Array|null);
            card?: (satchel.v1.IIdentityCard|null);
        }

        class Auth implements IAuth {
            constructor(properties?: satchel.v1.IAuth);
            public nodeKey: Uint8Array;
            public signature: Uint8Array;
            public card?: (satchel.v1.IIdentityCard|null);
            public static encode(message: satchel.v1.IAuth, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.Auth;
        }

        interface IIdentityCard {
            userKey?: (Uint8Array|null);
            displayName?: (string|null);
            nodeKey?: (Uint8Array|null);
            issuedMs?: (number|null);
            signature?: (Uint8Array|null);
        }

        class IdentityCard implements IIdentityCard {
            constructor(properties?: satchel.v1.IIdentityCard);
            public userKey: Uint8Array;
            public displayName: string;
            public nodeKey: Uint8Array;
            public issuedMs: number;
            public signature: Uint8Array;
            public static encode(message: satchel.v1.IIdentityCard, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.IdentityCard;
        }

        interface IEnvelope {
            to?: (Uint8Array|null);
            nonce?: (number|null);
            sealed?: (Uint8Array|null);
            lifetimeS?: (number|null);
            ageS?: (number|null);
        }

        class Envelope implements IEnvelope {
            constructor(properties?: satchel.v1.IEnvelope);
            public to: Uint8Array;
            public nonce: number;
            public sealed: Uint8Array;
            public lifetimeS: number;
            public ageS: number;
            public static encode(message: satchel.v1.IEnvelope, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.Envelope;
        }

        interface IContent {
            text?: (string|null);
            receipt?: (satchel.v1.IReceipt|null);
        }

        class Content implements IContent {
            constructor(properties?: satchel.v1.IContent);
            public text: string;
            public receipt?: (satchel.v1.IReceipt|null);
            public static encode(message: satchel.v1.IContent, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.Content;
        }

        interface IReceipt {
            delivered?: (Uint8Array[]|null);
            read?: (Uint8Array[]|null);
        }

        class Receipt implements IReceipt {
            constructor(properties?: satchel.v1.IReceipt);
            public delivered: Uint8Array[];
            public read: Uint8Array[];
            public static encode(message: satchel.v1.IReceipt, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.Receipt;
        }

        interface IIdentityBackup {
            version?: (number|null);
            salt?: (Uint8Array|null);
            logN?: (number|null);
            r?: (number|null);
            p?: (number|null);
            nonce?: (Uint8Array|null);
            sealed?: (Uint8Array|null);
        }

        class IdentityBackup implements IIdentityBackup {
            constructor(properties?: satchel.v1.IIdentityBackup);
            public version: number;
            public salt: Uint8Array;
            public logN: number;
            public r: number;
            public p: number;
            public nonce: Uint8Array;
            public sealed: Uint8Array;
            public static encode(message: satchel.v1.IIdentityBackup, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.IdentityBackup;
        }

        interface IIdentitySecrets {
            userSecret?: (Uint8Array|null);
            displayName?: (string|null);
        }

        class IdentitySecrets implements IIdentitySecrets {
            constructor(properties?: satchel.v1.IIdentitySecrets);
            public userSecret: Uint8Array;
            public displayName: string;
            public static encode(message: satchel.v1.IIdentitySecrets, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.IdentitySecrets;
        }
    }
}
