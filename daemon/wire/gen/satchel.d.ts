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
            reconcile?: (satchel.v1.IReconcile|null);
            proofs?: (satchel.v1.IDeliveryProof[]|null);
            route?: (satchel.v1.IRouteInfo|null);
            certificates?: (satchel.v1.ISchoolCertificate[]|null);
            revocations?: (satchel.v1.ISchoolRevocation[]|null);
        }

        class Frame implements IFrame {
            constructor(properties?: satchel.v1.IFrame);
            public auth?: (satchel.v1.IAuth|null);
            public envelopes: satchel.v1.IEnvelope[];
            public stored: Uint8Array[];
            public refused: Uint8Array[];
            public done: boolean;
            public card?: (satchel.v1.IIdentityCard|null);
            public reconcile?: (satchel.v1.IReconcile|null);
            public proofs: satchel.v1.IDeliveryProof[];
            public route?: (satchel.v1.IRouteInfo|null);
            public certificates: satchel.v1.ISchoolCertificate[];
            public revocations: satchel.v1.ISchoolRevocation[];
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
            copies?: (number|null);
            hops?: (number|null);
        }

        class Envelope implements IEnvelope {
            constructor(properties?: satchel.v1.IEnvelope);
            public to: Uint8Array;
            public nonce: number;
            public sealed: Uint8Array;
            public lifetimeS: number;
            public ageS: number;
            public copies: number;
            public hops: number;
            public static encode(message: satchel.v1.IEnvelope, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.Envelope;
        }

        interface IContent {
            text?: (string|null);
            receipt?: (satchel.v1.IReceipt|null);
            attachment?: (satchel.v1.IAttachment|null);
            piece?: (satchel.v1.IPiece|null);
            groupOps?: (satchel.v1.IGroupOp[]|null);
            groupKey?: (satchel.v1.IGroupKey|null);
        }

        class Content implements IContent {
            constructor(properties?: satchel.v1.IContent);
            public text: string;
            public receipt?: (satchel.v1.IReceipt|null);
            public attachment?: (satchel.v1.IAttachment|null);
            public piece?: (satchel.v1.IPiece|null);
            public groupOps: satchel.v1.IGroupOp[];
            public groupKey?: (satchel.v1.IGroupKey|null);
            public static encode(message: satchel.v1.IContent, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.Content;
        }

        interface IAttachment {
            fileId?: (Uint8Array|null);
            name?: (string|null);
            size?: (number|null);
            sha256?: (Uint8Array|null);
            pieces?: (number|null);
            mediaType?: (string|null);
        }

        class Attachment implements IAttachment {
            constructor(properties?: satchel.v1.IAttachment);
            public fileId: Uint8Array;
            public name: string;
            public size: number;
            public sha256: Uint8Array;
            public pieces: number;
            public mediaType: string;
            public static encode(message: satchel.v1.IAttachment, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.Attachment;
        }

        interface IPiece {
            fileId?: (Uint8Array|null);
            index?: (number|null);
            data?: (Uint8Array|null);
        }

        class Piece implements IPiece {
            constructor(properties?: satchel.v1.IPiece);
            public fileId: Uint8Array;
            public index: number;
            public data: Uint8Array;
            public static encode(message: satchel.v1.IPiece, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.Piece;
        }

        interface IDeliveryProof {
            userKey?: (Uint8Array|null);
            ids?: (Uint8Array[]|null);
            lifetimeS?: (number|null);
            ageS?: (number|null);
            signature?: (Uint8Array|null);
        }

        class DeliveryProof implements IDeliveryProof {
            constructor(properties?: satchel.v1.IDeliveryProof);
            public userKey: Uint8Array;
            public ids: Uint8Array[];
            public lifetimeS: number;
            public ageS: number;
            public signature: Uint8Array;
            public static encode(message: satchel.v1.IDeliveryProof, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.DeliveryProof;
        }

        interface IReconcile {
            round?: (number|null);
            count?: (number|null);
            digest?: (Uint8Array|null);
            inSync?: (boolean|null);
            cells?: (number|null);
            sketch?: (Uint8Array|null);
            want?: (Uint8Array|null);
            have?: (Uint8Array|null);
            seed?: (number|null);
            done?: (boolean|null);
        }

        class Reconcile implements IReconcile {
            constructor(properties?: satchel.v1.IReconcile);
            public round: number;
            public count: number;
            public digest: Uint8Array;
            public inSync: boolean;
            public cells: number;
            public sketch: Uint8Array;
            public want: Uint8Array;
            public have: Uint8Array;
            public seed: number;
            public done: boolean;
            public static encode(message: satchel.v1.IReconcile, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.Reconcile;
        }

        interface IRouteInfo {
            predictabilities?: (satchel.v1.IPredictability[]|null);
            relayPoint?: (boolean|null);
            place?: (string|null);
            places?: (satchel.v1.IPlaceRoute[]|null);
            served?: (Uint8Array|null);
            encounterRate?: (number|null);
        }

        class RouteInfo implements IRouteInfo {
            constructor(properties?: satchel.v1.IRouteInfo);
            public predictabilities: satchel.v1.IPredictability[];
            public relayPoint: boolean;
            public place: string;
            public places: satchel.v1.IPlaceRoute[];
            public served: Uint8Array;
            public encounterRate: number;
            public static encode(message: satchel.v1.IRouteInfo, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.RouteInfo;
        }

        interface IPredictability {
            user?: (Uint8Array|null);
            p?: (number|null);
        }

        class Predictability implements IPredictability {
            constructor(properties?: satchel.v1.IPredictability);
            public user: Uint8Array;
            public p: number;
            public static encode(message: satchel.v1.IPredictability, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.Predictability;
        }

        interface IPlaceRoute {
            place?: (string|null);
            distance?: (number|null);
        }

        class PlaceRoute implements IPlaceRoute {
            constructor(properties?: satchel.v1.IPlaceRoute);
            public place: string;
            public distance: number;
            public static encode(message: satchel.v1.IPlaceRoute, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.PlaceRoute;
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

        enum GroupOpKind {
            GROUP_OP_NONE = 0,
            GROUP_OP_CREATE_ADHOC = 1,
            GROUP_OP_CREATE_CLASS = 2,
            GROUP_OP_ADD = 3,
            GROUP_OP_JOIN = 4,
            GROUP_OP_LEAVE = 5,
            GROUP_OP_REMOVE = 6,
            GROUP_OP_RENAME = 7,
            GROUP_OP_REKEY = 8
        }

        interface IGroupOp {
            group?: (Uint8Array|null);
            author?: (Uint8Array|null);
            parents?: (Uint8Array[]|null);
            kind?: (satchel.v1.GroupOpKind|null);
            member?: (Uint8Array|null);
            name?: (string|null);
            salt?: (Uint8Array|null);
            signature?: (Uint8Array|null);
        }

        class GroupOp implements IGroupOp {
            constructor(properties?: satchel.v1.IGroupOp);
            public group: Uint8Array;
            public author: Uint8Array;
            public parents: Uint8Array[];
            public kind: satchel.v1.GroupOpKind;
            public member: Uint8Array;
            public name: string;
            public salt: Uint8Array;
            public signature: Uint8Array;
            public static encode(message: satchel.v1.IGroupOp, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.GroupOp;
        }

        interface IGroupMessage {
            author?: (Uint8Array|null);
            content?: (Uint8Array|null);
            signature?: (Uint8Array|null);
            op?: (satchel.v1.IGroupOp|null);
        }

        class GroupMessage implements IGroupMessage {
            constructor(properties?: satchel.v1.IGroupMessage);
            public author: Uint8Array;
            public content: Uint8Array;
            public signature: Uint8Array;
            public op?: (satchel.v1.IGroupOp|null);
            public static encode(message: satchel.v1.IGroupMessage, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.GroupMessage;
        }

        interface IGroupKey {
            group?: (Uint8Array|null);
            epoch?: (Uint8Array|null);
            key?: (Uint8Array|null);
        }

        class GroupKey implements IGroupKey {
            constructor(properties?: satchel.v1.IGroupKey);
            public group: Uint8Array;
            public epoch: Uint8Array;
            public key: Uint8Array;
            public static encode(message: satchel.v1.IGroupKey, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.GroupKey;
        }

        interface ISchoolCertificate {
            school?: (Uint8Array|null);
            userKey?: (Uint8Array|null);
            displayName?: (string|null);
            className?: (string|null);
            validFromS?: (number|null);
            validUntilS?: (number|null);
            signature?: (Uint8Array|null);
        }

        class SchoolCertificate implements ISchoolCertificate {
            constructor(properties?: satchel.v1.ISchoolCertificate);
            public school: Uint8Array;
            public userKey: Uint8Array;
            public displayName: string;
            public className: string;
            public validFromS: number;
            public validUntilS: number;
            public signature: Uint8Array;
            public static encode(message: satchel.v1.ISchoolCertificate, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.SchoolCertificate;
        }

        interface ISchoolRevocation {
            school?: (Uint8Array|null);
            certificates?: (Uint8Array[]|null);
            userKeys?: (Uint8Array[]|null);
            issuedS?: (number|null);
            signature?: (Uint8Array|null);
        }

        class SchoolRevocation implements ISchoolRevocation {
            constructor(properties?: satchel.v1.ISchoolRevocation);
            public school: Uint8Array;
            public certificates: Uint8Array[];
            public userKeys: Uint8Array[];
            public issuedS: number;
            public signature: Uint8Array;
            public static encode(message: satchel.v1.ISchoolRevocation, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): satchel.v1.SchoolRevocation;
        }
    }
}
