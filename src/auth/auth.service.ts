import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { compare, hash } from 'bcryptjs';
import { LessThan, Repository } from 'typeorm';
import { Codigo, conflicto, duplicado, ErrorDominio, noEncontrado } from '../common/errores';
import { EnvironmentVariables } from '../config/env.validation';
import { secretoGenerado } from '../config/secreto-generado';
import { TransaccionesService } from '../database/transacciones.service';
import { LimitesService } from '../limites/limites.service';
import { ActualizarUsuarioDto, CambiarClaveDto, LoginDto, RegistroDto, TokenDto } from './auth.dto';
import { UsuarioActual } from './decoradores';
import { BYTES_MAXIMOS_CLAVE, motivoClaveDebil } from './politica-clave';
import { SesionRevocada } from './sesion-revocada.entity';
import { Rol, Usuario } from './usuario.entity';

const COSTO_BCRYPT = 10;
/** how long a checked account is trusted before the next request reads it again (this replica's own changes apply at once) */
const CACHE_MS = 2000;

/** the claims of a staff token */
export interface Claims {
  sub: number;
  email: string;
  rol: Rol;
  jti: string;
  /** the account's session version when the token was issued */
  ver?: number;
  exp: number;
}

const noAutenticado = (message: string) => new ErrorDominio(Codigo.NO_AUTENTICADO, message);
const claveInvalida = (motivo: string) => new ErrorDominio(Codigo.VALIDACION, `Contraseña inválida: ${motivo}`, { password: [motivo] });

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  /** a real hash of nothing, so an unknown e-mail costs the same bcrypt comparison as a wrong password */
  private readonly hashFicticio: Promise<string> = hash(randomBytes(16).toString('hex'), COSTO_BCRYPT);
  private readonly cuentas = new Map<number, { usuario: Pick<Usuario, 'id' | 'rol' | 'activo' | 'version_sesion'> | null; hasta: number }>();

  constructor(
    @InjectRepository(Usuario) private readonly usuarios: Repository<Usuario>,
    @InjectRepository(SesionRevocada) private readonly revocadas: Repository<SesionRevocada>,
    private readonly jwt: JwtService,
    private readonly tx: TransaccionesService,
    private readonly limites: LimitesService,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  /** Replicas starting together on an empty database: one of them creates the first admin. */
  onApplicationBootstrap(): Promise<void> {
    return this.tx.exclusivo('primer-admin', () => this.primerAdmin());
  }

  /**
   * The first admin: from ADMIN_EMAIL/ADMIN_PASSWORD, or in development a generated one shown once
   * in the log; otherwise POST /auth/register with the one-time setup token printed in the log.
   * Never by whoever calls first.
   */
  private async primerAdmin(): Promise<void> {
    if ((await this.usuarios.count()) > 0) return;
    const email = this.config.get('ADMIN_EMAIL', { infer: true });
    const password = this.config.get('ADMIN_PASSWORD', { infer: true });
    if (email && password) {
      const motivo = motivoClaveDebil(password, 'admin', [email]);
      if (motivo) throw new Error(`ADMIN_PASSWORD no sirve: ${motivo}`);
      await this.crear({ email, password, nombre: 'Administrador', rol: 'admin' });
      this.logger.log(`Administrador inicial creado: ${email}`);
    } else if (this.config.get('NODE_ENV', { infer: true }) === 'development') {
      const generada = randomBytes(12).toString('base64url');
      await this.crear({ email: 'admin@demo.local', password: generada, nombre: 'Administrador', rol: 'admin' });
      this.logger.warn(`No hay usuarios: se creó admin@demo.local con la clave ${generada} (defina ADMIN_EMAIL y ADMIN_PASSWORD para elegirla)`);
    } else {
      this.logger.warn(
        `No hay usuarios: cree el administrador con POST /auth/register y el encabezado X-Setup-Token: ${this.tokenInstalacion()} (sirve una sola vez)`,
      );
    }
  }

  /** the same on every replica (derived from the JWT secret they share), useless once an account exists */
  private tokenInstalacion(): string {
    const secreto = this.config.get('JWT_SECRET', { infer: true }) ?? secretoGenerado(this.config.get('DATA_DIR', { infer: true }), 'jwt-secret');
    return createHmac('sha256', secreto).update('token-de-instalacion').digest('base64url').slice(0, 32);
  }

  tokenInstalacionValido(token: string | undefined): boolean {
    const esperado = Buffer.from(this.tokenInstalacion());
    const dado = Buffer.from(token ?? '');
    return dado.length === esperado.length && timingSafeEqual(dado, esperado);
  }

  /**
   * Failures are limited per account (guessing one account from many addresses) and per address
   * (spraying many accounts), in Redis when present. An unknown e-mail, an inactive account and a
   * wrong password take the same bcrypt comparison and get the same answer.
   */
  async login(dto: LoginDto, ip: string): Promise<TokenDto> {
    await this.limites.verificar('login_ip', ip);
    await this.limites.verificar('login_cuenta', dto.email);
    const usuario = await this.usuarios.findOne({ where: { email: dto.email }, select: ['id', 'email', 'rol', 'activo', 'password_hash', 'version_sesion'] });
    const cabe = Buffer.byteLength(dto.password, 'utf8') <= BYTES_MAXIMOS_CLAVE;
    const valida = await compare(cabe ? dto.password : '', usuario?.password_hash ?? (await this.hashFicticio));
    if (!usuario || !usuario.activo || !valida || !cabe) {
      await Promise.all([this.limites.fallo('login_ip', ip), this.limites.fallo('login_cuenta', dto.email)]);
      throw noAutenticado('Correo o contraseña incorrectos');
    }
    await this.limites.olvidar('login_cuenta', dto.email);
    return {
      access_token: await this.jwt.signAsync({ sub: usuario.id, email: usuario.email, rol: usuario.rol, ver: usuario.version_sesion }, { jwtid: randomUUID() }),
      token_type: 'Bearer',
      expires_in: this.config.get('JWT_EXPIRES_IN', { infer: true }),
    };
  }

  /**
   * Every staff request: the token must be unrevoked, and its account must still exist, be
   * active, hold the token's role and be at the session version the token was issued under
   * (changing the password, the role or the active flag ends every session of the account).
   */
  async sesionVigente(c: Claims): Promise<UsuarioActual> {
    const cuenta = await this.cuenta(c.sub);
    if (!cuenta || !cuenta.activo) throw noAutenticado('La cuenta ya no está activa');
    if (cuenta.rol !== c.rol || cuenta.version_sesion !== (c.ver ?? 0)) throw noAutenticado('La sesión ya no es válida: inicia sesión de nuevo');
    if (c.jti && (await this.revocadas.existsBy({ jti: c.jti }))) throw noAutenticado('La sesión se cerró: inicia sesión de nuevo');
    return { id: c.sub, email: c.email, rol: c.rol, jti: c.jti, exp: c.exp };
  }

  private async cuenta(id: number) {
    const enCache = this.cuentas.get(id);
    if (enCache && enCache.hasta > Date.now()) return enCache.usuario;
    const usuario = await this.usuarios.findOne({ where: { id }, select: ['id', 'rol', 'activo', 'version_sesion'] });
    this.cuentas.set(id, { usuario, hasta: Date.now() + CACHE_MS });
    return usuario;
  }

  async logout(u: UsuarioActual): Promise<void> {
    if (!u.jti) return;
    await this.revocadas.delete({ expira_en: LessThan(new Date()) });
    await this.revocadas.upsert({ jti: u.jti, expira_en: new Date((u.exp ?? Date.now() / 1000) * 1000) }, ['jti']);
  }

  /** The first account (with the setup token) is always an admin; later ones take the role asked (operador by default). */
  async registrar(dto: RegistroDto): Promise<Usuario> {
    return this.tx.exclusivo('primer-admin', async () => {
      const primero = (await this.usuarios.count()) === 0;
      if (await this.usuarios.existsBy({ email: dto.email })) throw duplicado(`Ya existe un usuario con el correo ${dto.email}`);
      return this.crear({ ...dto, rol: primero ? 'admin' : (dto.rol ?? 'operador') });
    });
  }

  async obtener(id: number): Promise<Usuario> {
    const u = await this.usuarios.findOneBy({ id });
    if (!u) throw noEncontrado('El usuario');
    return u;
  }

  listar(): Promise<Usuario[]> {
    return this.usuarios.find({ order: { id: 'ASC' } });
  }

  /** Admins change role, active flag, name or password; the account's open sessions end at once. */
  async actualizar(id: number, dto: ActualizarUsuarioDto, quien: UsuarioActual): Promise<Usuario> {
    const antes = await this.obtener(id);
    if (dto.password) this.exigirClave(dto.password, dto.rol ?? antes.rol, antes);
    const password_hash = dto.password ? await hash(dto.password, COSTO_BCRYPT) : undefined;
    // the last-admin check and the change are one step for every replica: two admins removing each other at once leave one
    const cambios = await this.tx.exclusivo('cuentas-admin', () =>
      this.tx.ejecutar(async (m) => {
        const usuarios = m.getRepository(Usuario);
        const u = await usuarios.findOneBy({ id });
        if (!u) throw noEncontrado('El usuario');
        const rol = dto.rol ?? u.rol;
        const activo = dto.activo ?? u.activo;
        if ((rol !== 'admin' || !activo) && u.rol === 'admin' && u.activo && (await usuarios.countBy({ rol: 'admin', activo: true })) <= 1)
          throw conflicto('Debe quedar al menos un administrador activo');
        const cambios: Partial<Usuario> = { rol, activo, ...(dto.nombre ? { nombre: dto.nombre } : {}), ...(password_hash ? { password_hash } : {}) };
        await usuarios.update({ id }, cambios);
        if (password_hash || rol !== u.rol || activo !== u.activo) await usuarios.increment({ id }, 'version_sesion', 1);
        return cambios;
      }),
    );
    this.cuentas.delete(id);
    this.logger.log(
      `Cuenta ${antes.email} cambiada por ${quien.email}: ${Object.keys(cambios)
        .filter((k) => k !== 'password_hash')
        .join(', ')}`,
    );
    return this.obtener(id);
  }

  /** One's own password: the current one proves it is them; every other session of the account ends. */
  async cambiarClave(quien: UsuarioActual, dto: CambiarClaveDto): Promise<TokenDto> {
    const u = await this.usuarios.findOne({ where: { id: quien.id }, select: ['id', 'email', 'nombre', 'rol', 'password_hash'] });
    if (!u || !(await compare(dto.password_actual, u.password_hash))) throw noAutenticado('La contraseña actual no es correcta');
    this.exigirClave(dto.password_nueva, u.rol, u);
    const password_hash = await hash(dto.password_nueva, COSTO_BCRYPT);
    // the new password and the end of the old sessions land together or not at all
    await this.tx.ejecutar(async (m) => {
      await m.getRepository(Usuario).update({ id: u.id }, { password_hash });
      await m.getRepository(Usuario).increment({ id: u.id }, 'version_sesion', 1);
    });
    this.cuentas.delete(u.id);
    return this.login({ email: u.email, password: dto.password_nueva }, 'cambio-de-clave');
  }

  private exigirClave(password: string, rol: Rol, u: Pick<Usuario, 'email' | 'nombre'>): void {
    const motivo = motivoClaveDebil(password, rol, [u.email, u.nombre]);
    if (motivo) throw claveInvalida(motivo);
  }

  private async crear(d: { email: string; password: string; nombre: string; rol: Rol }): Promise<Usuario> {
    this.exigirClave(d.password, d.rol, d);
    const password_hash = await hash(d.password, COSTO_BCRYPT);
    const { id } = await this.tx.ejecutar((m) =>
      m.save(Usuario, m.create(Usuario, { email: d.email.toLowerCase(), nombre: d.nombre, rol: d.rol, password_hash })),
    );
    return this.obtener(id);
  }
}
