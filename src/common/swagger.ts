import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { ErrorDto } from './dto/paginacion.dto';

/** Documents the error answers an endpoint can give, all with the contract's error body. */
export function ApiErrores(...codigos: number[]) {
  return applyDecorators(...codigos.map((status) => ApiResponse({ status, description: STATUS_CODES[status], type: ErrorDto })));
}

/** A staff endpoint: bearer token, 401 without it, 403 for a role that may not. */
export function ApiPersonal() {
  return applyDecorators(ApiBearerAuth(), ApiErrores(401, 403));
}
