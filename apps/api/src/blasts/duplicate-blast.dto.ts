import { IsString } from 'class-validator';

import { Omittable } from '@app/common';

/** `POST /blasts/:id/duplicate`: the copy's name, else "<name> (copy)". */
export class DuplicateBlastDto {
  @Omittable()
  @IsString()
  name?: string;
}
