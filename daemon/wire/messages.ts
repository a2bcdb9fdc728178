/**
 * The generated protobuf types under short names, and the sizes the wire
 * promises. Everything that encodes or decodes a wire message goes through
 * here so the limits are checked in one place.
 */
import { satchel } from './gen/satchel.js';
import { SatchelError } from '../errors/satchel-error.js';

export const pb = satchel.v1;
export type Beacon = satchel.v1.IBeacon;
export type Hello = satchel.v1.IHello;
export type Frame = satchel.v1.IFrame;
export type Auth = satchel.v1.IAuth;
export type IdentityCard = satchel.v1.IIdentityCard;
export type Envelope = satchel.v1.IEnvelope;
export type Content = satchel.v1.IContent;
export type Receipt = satchel.v1.IReceipt;
export type Attachment = satchel.v1.IAttachment;
export type Piece = satchel.v1.IPiece;
export type DeliveryProof = satchel.v1.IDeliveryProof;
export type Reconcile = satchel.v1.IReconcile;
export type RouteInfo = satchel.v1.IRouteInfo;
export type IdentityBackup = satchel.v1.IIdentityBackup;
export type IdentitySecrets = satchel.v1.IIdentitySecrets;
export type GroupOp = satchel.v1.IGroupOp;
export type GroupMessage = satchel.v1.IGroupMessage;
export type GroupKey = satchel.v1.IGroupKey;
export type SchoolCertificate = satchel.v1.ISchoolCertificate;
export type SchoolRevocation = satchel.v1.ISchoolRevocation;
export const GroupOpKind = satchel.v1.GroupOpKind;

export const WIRE_VERSION = 1;
/** Largest session frame (plaintext) either side will buffer, in bytes. */
export const MAX_FRAME_BYTES = 256 * 1024;
/** Largest UDP beacon datagram accepted, in bytes. */
export const MAX_BEACON_BYTES = 128;
/** Length in bytes of key ids (node id, user id) and of message ids. */
export const KEY_ID_BYTES = 8;
export const MESSAGE_ID_BYTES = 16;

type Codec<T> = {
  encode(m: T): { finish(): Uint8Array };
  decode(b: Uint8Array): T;
};

function decodeWith<T>(codec: Codec<T>, bytes: Uint8Array, max: number, what: string): T {
  if (bytes.length > max) throw SatchelError.frameTooLarge(bytes.length, max);
  try {
    return codec.decode(bytes);
  } catch (err) {
    throw SatchelError.badFrame(`undecodable ${what}`, err);
  }
}

export const encodeBeacon = (m: Beacon): Uint8Array => pb.Beacon.encode(m).finish();
export const decodeBeacon = (b: Uint8Array): Beacon => decodeWith(pb.Beacon, b, MAX_BEACON_BYTES, 'beacon');
export const encodeHello = (m: Hello): Uint8Array => pb.Hello.encode(m).finish();
export const decodeHello = (b: Uint8Array): Hello => decodeWith(pb.Hello, b, MAX_FRAME_BYTES, 'hello');
export const encodeFrame = (m: Frame): Uint8Array => pb.Frame.encode(m).finish();
export const decodeFrame = (b: Uint8Array): Frame => decodeWith(pb.Frame, b, MAX_FRAME_BYTES, 'frame');
export const encodeCard = (m: IdentityCard): Uint8Array => pb.IdentityCard.encode(m).finish();
export const decodeCard = (b: Uint8Array): IdentityCard => decodeWith(pb.IdentityCard, b, MAX_FRAME_BYTES, 'identity card');
export const encodeEnvelope = (m: Envelope): Uint8Array => pb.Envelope.encode(m).finish();
export const decodeEnvelope = (b: Uint8Array): Envelope => decodeWith(pb.Envelope, b, MAX_FRAME_BYTES, 'envelope');
export const encodeContent = (m: Content): Uint8Array => pb.Content.encode(m).finish();
export const decodeContent = (b: Uint8Array): Content => decodeWith(pb.Content, b, MAX_FRAME_BYTES, 'content');
export const encodeDeliveryProof = (m: DeliveryProof): Uint8Array => pb.DeliveryProof.encode(m).finish();
export const decodeDeliveryProof = (b: Uint8Array): DeliveryProof => decodeWith(pb.DeliveryProof, b, MAX_FRAME_BYTES, 'delivery proof');
export const encodeBackup = (m: IdentityBackup): Uint8Array => pb.IdentityBackup.encode(m).finish();
export const decodeBackup = (b: Uint8Array): IdentityBackup => decodeWith(pb.IdentityBackup, b, MAX_FRAME_BYTES, 'identity backup');
export const encodeSecrets = (m: IdentitySecrets): Uint8Array => pb.IdentitySecrets.encode(m).finish();
export const decodeSecrets = (b: Uint8Array): IdentitySecrets => decodeWith(pb.IdentitySecrets, b, MAX_FRAME_BYTES, 'identity secrets');
export const encodeGroupOp = (m: GroupOp): Uint8Array => pb.GroupOp.encode(m).finish();
export const decodeGroupOp = (b: Uint8Array): GroupOp => decodeWith(pb.GroupOp, b, MAX_FRAME_BYTES, 'group op');
export const encodeGroupMessage = (m: GroupMessage): Uint8Array => pb.GroupMessage.encode(m).finish();
export const decodeGroupMessage = (b: Uint8Array): GroupMessage => decodeWith(pb.GroupMessage, b, MAX_FRAME_BYTES, 'group message');
export const encodeSchoolCertificate = (m: SchoolCertificate): Uint8Array => pb.SchoolCertificate.encode(m).finish();
export const decodeSchoolCertificate = (b: Uint8Array): SchoolCertificate => decodeWith(pb.SchoolCertificate, b, MAX_FRAME_BYTES, 'school certificate');
export const encodeSchoolRevocation = (m: SchoolRevocation): Uint8Array => pb.SchoolRevocation.encode(m).finish();
export const decodeSchoolRevocation = (b: Uint8Array): SchoolRevocation => decodeWith(pb.SchoolRevocation, b, MAX_FRAME_BYTES, 'school revocation');
