variable "name" {
  description = "Name prefix of the VPC and everything in it (e.g. \"sightline\")."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$", var.name))
    error_message = "name must be 2 to 40 characters of lower-case letters, digits and hyphens, not starting or ending with a hyphen."
  }
}

variable "cluster_name" {
  description = "Name of the EKS cluster that will use the subnets; it goes into the kubernetes.io/cluster/<name> subnet tag."
  type        = string
}

variable "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC. A /16 leaves room for /19 private subnets (8,190 pod and node addresses each) in up to six AZs."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && tonumber(split("/", var.vpc_cidr)[1]) <= 20
    error_message = "vpc_cidr must be a valid IPv4 CIDR block of /20 or larger."
  }
}

variable "az_count" {
  description = "Number of availability zones to spread the subnets over (EKS needs at least two)."
  type        = number
  default     = 3

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 6 && floor(var.az_count) == var.az_count
    error_message = "az_count must be a whole number from 2 to 6."
  }
}

variable "availability_zones" {
  description = "Availability zone names to use, overriding the first az_count available zones of the region; null picks them automatically."
  type        = list(string)
  default     = null

  validation {
    condition     = var.availability_zones == null ? true : length(var.availability_zones) >= 2 && length(var.availability_zones) <= 6
    error_message = "availability_zones must list from 2 to 6 zones (or be null)."
  }
}

variable "private_subnet_cidrs" {
  description = "CIDR blocks of the private subnets, one per AZ; null carves /19-sized blocks (for a /16) out of vpc_cidr."
  type        = list(string)
  default     = null

  validation {
    condition     = var.private_subnet_cidrs == null ? true : alltrue([for c in var.private_subnet_cidrs : can(cidrhost(c, 0))])
    error_message = "private_subnet_cidrs must contain valid IPv4 CIDR blocks."
  }
}

variable "public_subnet_cidrs" {
  description = "CIDR blocks of the public subnets (NAT gateways and internet-facing load balancers only), one per AZ; null carves small blocks out of the top of vpc_cidr."
  type        = list(string)
  default     = null

  validation {
    condition     = var.public_subnet_cidrs == null ? true : alltrue([for c in var.public_subnet_cidrs : can(cidrhost(c, 0))])
    error_message = "public_subnet_cidrs must contain valid IPv4 CIDR blocks."
  }
}

variable "single_nat_gateway" {
  description = "true: one NAT gateway for all AZs (cheaper; egress of every AZ fails with that AZ). false: one NAT gateway per AZ (highly available)."
  type        = bool
  default     = false
}

variable "enable_flow_logs" {
  description = "Send VPC flow logs (all traffic) to a CloudWatch Logs group."
  type        = bool
  default     = true
}

variable "flow_logs_retention_days" {
  description = "Retention of the VPC flow log group, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_logs_retention_days)
    error_message = "flow_logs_retention_days must be a retention period CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "tags" {
  description = "Tags added to every resource of the module."
  type        = map(string)
  default     = {}
}
